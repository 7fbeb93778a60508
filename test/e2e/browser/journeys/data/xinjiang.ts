import { loadJourney } from './journeyData';

/** 科技援疆 (enterprise with a partner outside Xinjiang); mistake: a USCC with a wrong check character. */
export const xinjiangJourney = () => loadJourney('xinjiang', 'xinjiang-aid-2022', 'valid-enterprise.json', ['申报单位统一社会信用代码校验码错误']);
