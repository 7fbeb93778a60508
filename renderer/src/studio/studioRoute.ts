/** The 指南工作台 page, reached from the home page header. */
export const STUDIO_HASH = '#/studio';
