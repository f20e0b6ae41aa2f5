/**
 * The kinds and levels of bodies, one list for the server's checks and the web's forms. Seed 002: the CPPCC body and its
 * groups — 委员组 / 界别, 经促分会, 工商联 and its chambers, the office (机关); seed 004: the poverty-alleviation offices
 * (扶贫办) down to township and village.
 */
export const ORG_KINDS = ['政协', '委员组', '界别', '经促分会', '工商联', '商会', '机关', '扶贫办'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_LEVELS = ['省', '市', '县', '乡', '村'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];
