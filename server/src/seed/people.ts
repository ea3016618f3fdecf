// Names and words for believable demo data.
export const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '欧阳', '司马'];
export const givenNames = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '晓东', '子涵', '浩然', '雨桐', '梓萱'];
export const companies = [
  '深圳市星河云科技有限公司',
  '杭州青禾网络科技有限公司',
  '北京远山数据服务有限公司',
  '上海蓝鲸信息技术有限公司',
  '成都锦城软件有限公司',
  '广州南粤电子商务有限公司',
  '武汉江汉智能制造有限公司',
  '南京紫金文化传媒有限公司',
];
export const regions = ['440305', '330106', '110105', '310115', '510107', '440106', '420106', '320102'];
export const emailDomains = ['qq.com', '163.com', 'foxmail.com', 'example.cn', 'outlook.com'];
export const pinyin = ['wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun'];
