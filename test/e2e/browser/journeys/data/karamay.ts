import { loadJourney } from './journeyData';

/** 克拉玛依 人才专项 申报书; mistakes: a 25-month period (a warning: 原则上) and a 大学专科 PI (an error). */
export const karamayJourney = () =>
  loadJourney('karamay', 'karamay-2017', 'valid-talent.json', ['项目实施期25个月，超过两年', '项目负责人学历为大学专科']);
