import { loadJourney } from './journeyData';

/** 城关区 技术创新类 (enterprise applicant); mistakes: a PI of 59 and a 37-month period. */
export const chengguanJourney = () =>
  loadJourney('chengguan', 'chengguan-2020', 'valid-tech-enterprise.json', [
    '项目负责人1961-03-30出生，申报截止日2020-03-30当天年满59周岁',
    '项目实施周期37个月（2020-04至2023-04），超过三年',
  ]);
