import { cite } from '../shared/sources';
import type { PovertyLine } from './poverty-lines';

/**
 * The national rural poverty line (国家扶贫标准) by year, shipped so that a household anywhere gets an income verdict on
 * first start (issue 11: “the national rural poverty line by year (2010-price 2300 元 standard in each year's prices, as
 * published by 国家统计局; cite the source in the data file)”). Seed 004 names it: “该户年人均可支配收入稳定超过国家扶贫标准”.
 *
 * Source: 国家统计局住户调查办公室《中国农村贫困监测报告》, the current-price value of the standard “农村居民家庭人均纯收入
 * 2300元/年（2010年不变价）” for each year. 2020 is left out: no current-price value of that year was published in the
 * same series (the figure of “about 4,000 yuan” given in 2020 is an estimate); an administrator enters it, like the
 * provincial and city lines.
 */
export const NATIONAL_LINE_YUAN: Readonly<Record<number, number>> = {
  2010: 2300,
  2011: 2536,
  2012: 2625,
  2013: 2736,
  2014: 2800,
  2015: 2855,
  2016: 2952,
  2017: 2952,
  2018: 2995,
  2019: 3218,
};

export const NATIONAL_LINES: PovertyLine[] = Object.entries(NATIONAL_LINE_YUAN).map(([year, yuan]) => ({
  year: Number(year),
  scope: 'national',
  regionPrefix: '',
  yuan,
  source: `${cite('nbsPovertyMonitoring')}：现行农村贫困标准（2010年不变价2300元）${year}年现价`,
}));
