export * from './schema';
export { emptyRichDoc, parseRichValue, plainTextToRichDoc, richDocFromJson, serializeRichDoc } from './parse';
export { richHasText, richToPlainText, richWordCount } from './plainText';
export { richToBlocks } from './toBlocks';
