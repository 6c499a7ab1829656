#include "engine/demo/province_vocabulary.hpp"

#include <array>

namespace jiaohe::engine::demo {
namespace {

constexpr std::array<Region, 14> kRegions = {{
    {"330102", "杭州市", "上城区"}, {"330106", "杭州市", "西湖区"}, {"330108", "杭州市", "滨江区"},
    {"330203", "宁波市", "海曙区"}, {"330212", "宁波市", "鄞州区"}, {"330302", "温州市", "鹿城区"},
    {"330402", "嘉兴市", "南湖区"}, {"330502", "湖州市", "吴兴区"}, {"330602", "绍兴市", "越城区"},
    {"330702", "金华市", "婺城区"}, {"330802", "衢州市", "柯城区"}, {"330902", "舟山市", "定海区"},
    {"331002", "台州市", "椒江区"}, {"331102", "丽水市", "莲都区"},
}};

constexpr std::array<std::string_view, 48> kSurnames = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "潘", "袁", "蔡", "蒋", "余", "于", "杜", "叶", "程", "魏", "苏", "吕", "沈"};

constexpr std::array<std::string_view, 64> kGivenCharacters = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀", "霞", "平", "刚", "桂", "英", "华", "文", "辉", "建", "国", "玲", "红", "宇", "浩",
    "婷", "雪", "琳", "晨", "欣", "怡", "佳", "俊", "峰", "斌", "波", "鑫", "倩", "颖", "凯", "鹏",
    "晓", "燕", "志", "海", "亮", "梅", "慧", "嘉", "子", "涵", "萱", "轩", "博", "睿", "诗", "雨"};

constexpr std::array<std::string_view, 20> kStreets = {
    "文三路", "天目山路", "延安路", "解放路", "中山路", "人民路", "建设路", "凤起路", "庆春路", "学院路",
    "江南大道", "钱江路", "解放北路", "环城西路", "青年路", "新华路", "体育场路", "湖滨路", "南山路", "西溪路"};

constexpr std::array<std::string_view, 40> kBrands = {
    "恒达", "华信", "新锐", "远景", "天成", "宏图", "嘉禾", "瑞丰", "博远", "锦程", "同创", "众诚", "金桥", "海纳",
    "智汇", "联创", "鼎盛", "永安", "隆鑫", "明辉", "佳宇", "中晟", "泰和", "东方", "星辰", "润泽", "和信", "创元",
    "凯越", "诚信", "盛世", "富春", "钱塘", "之江", "西子", "越秀", "甬江", "瓯江", "南湖", "雁荡"};

constexpr std::array<std::string_view, 20> kIndustries = {
    "科技", "贸易", "建设", "网络科技", "电子商务", "信息技术", "机械制造", "纺织", "食品", "物流",
    "医疗器械", "环保科技", "文化传媒", "餐饮管理", "5G通信", "3D打印", "新材料", "汽车配件", "电气", "农业开发"};

}  // namespace

std::span<const Region> zhejiang_regions() { return kRegions; }
std::span<const std::string_view> surnames() { return kSurnames; }
std::span<const std::string_view> given_name_characters() { return kGivenCharacters; }
std::span<const std::string_view> streets() { return kStreets; }
std::span<const std::string_view> company_brands() { return kBrands; }
std::span<const std::string_view> company_industries() { return kIndustries; }

}  // namespace jiaohe::engine::demo
