// The fictional city of 青川市 (division 990100; "99" is no real province): its departments,
// agencies, and the function and economic codes each department spends on. Plain data, used by
// the seeded generator. Codes are [K] from memory and must exist in core's starter code list.

export const CITY = { name: "青川市", division: "990100", fiscalYear: 2026 };

/** 主管部门 with their agencies (unit types 行政/参公/事业) and the function 项 they spend on. */
export const DEPARTMENTS = [
  {
    code: "101", name: "青川市人民政府办公室", functions: ["2010301", "2010302", "2010350"],
    agencies: [["101001", "市政府办公室本级", "行政"], ["101002", "市机关事务管理局", "行政"], ["101003", "市政务服务中心", "事业"]],
  },
  {
    code: "102", name: "青川市教育局", functions: ["2050101", "2050201", "2050202", "2050203", "2050204", "2050302"],
    agencies: [["102001", "市教育局本级", "行政"], ["102002", "市第一中学", "事业"], ["102003", "市实验小学", "事业"], ["102004", "市职业技术学校", "事业"]],
  },
  {
    code: "103", name: "青川市卫生健康委员会", functions: ["2100101", "2100201", "2100202", "2100409"],
    agencies: [["103001", "市卫生健康委员会本级", "行政"], ["103002", "市人民医院", "事业"], ["103003", "市疾病预防控制中心", "事业"], ["103004", "市妇幼保健院", "事业"]],
  },
  {
    code: "104", name: "青川市公安局", functions: ["2040201", "2040202", "2040250"],
    agencies: [["104001", "市公安局本级", "行政"], ["104002", "市公安局交通警察支队", "行政"], ["104003", "市看守所", "行政"]],
  },
  {
    code: "105", name: "青川市农业农村局", functions: ["2130101", "2130102", "2130104"],
    agencies: [["105001", "市农业农村局本级", "行政"], ["105002", "市农业技术推广中心", "事业"], ["105003", "市动物疫病预防控制中心", "事业"]],
  },
  {
    code: "106", name: "青川市人力资源和社会保障局", functions: ["2080101", "2080102"],
    agencies: [["106001", "市人力资源和社会保障局本级", "行政"], ["106002", "市就业服务中心", "参公"], ["106003", "市社会保险事业管理中心", "参公"]],
  },
];

/** Departmental economic 款 used for basic (基本支出) and project (项目支出) spending. */
export const BASIC_ECONOMIC = ["30101", "30102", "30103", "30108", "30201", "30205", "30206", "30211", "30213", "30231"];
export const PROJECT_ECONOMIC = ["30226", "30227", "31002", "31003", "30305"];

export const FUND_GENERAL = "111"; // 一般公共预算 (core's fund-type data)
export const FUND_GOV = "121"; // 政府性基金预算

export const PAYEES = [
  "青川市电力公司", "青川市自来水有限公司", "青川办公用品有限公司", "青川信息技术有限公司", "青川建设工程有限公司",
  "青川医疗器械有限公司", "青川汽车维修中心", "青川交通运输集团", "青川教育装备有限公司", "青川物业服务有限公司",
  "青川印务有限公司", "青川网络科技有限公司", "青川农资供应站", "青川会务服务中心", "青川律师事务所",
];
