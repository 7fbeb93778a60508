import { loadJourney } from './journeyData';

/** 水磨沟区 农业技术人才培养; mistake: a PI with a junior title (a warning). */
export const shuimogouJourney = () => loadJourney('shuimogou', 'shuimogou-2020', 'valid-agri-talent.json', ['农业技术人才培养项目负责人为初级职称']);
