"""The retrieval benchmark's documents and questions, written by the project itself.

Twelve documents, six English and six Chinese, in every format ChatDesk reads (Markdown, DOCX,
PDF, HTML with script and style to ignore, text in cp1252 / GB18030 / UTF-16 / UTF-8 with BOM,
Big5 HTML, source code), each holding several facts so that the other passages are real
distractors. Every question paraphrases its fact (other words, other word order) instead of
copying it, and names the words a correct passage must contain (``answer``): a hit is a
passage in the top five that contains them, not just the right file.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from documents_support import write_docx, write_pdf

GARDEN = """# Kitchen garden notes

Tomatoes are hungry for light: give them at least six hours of direct sunlight every day, or the fruit stays small and sour.

Water deeply twice a week rather than a little every evening; shallow watering keeps the roots near the surface.

Plant basil between the tomato rows. Gardeners say it keeps whitefly away and the two are harvested at the same time.

Prune the climbing roses in late winter, just before the buds swell, cutting back to an outward-facing bud.

A good compost heap mixes roughly three parts brown material (dry leaves, cardboard) to one part green material (grass clippings, peelings).

Slugs can be caught overnight in shallow dishes of beer sunk into the soil near the lettuce.
"""

HANDBOOK_PARAGRAPHS = [
    "Every full-time employee receives twenty-five days of paid vacation per calendar year, plus public holidays.",
    "Staff may work from home on up to two days in each week, agreed with their team lead in advance.",
    "Expense claims must be submitted with receipts no later than thirty days after the purchase; later claims are not reimbursed.",
    "Parents are entitled to sixteen weeks of paid parental leave, which can be split into two blocks.",
    "Company laptops are replaced every three years, or sooner if the IT desk confirms a hardware fault.",
]
HANDBOOK_TABLE = [["Office", "Opening hours"], ["Berlin", "08:00 to 18:00"], ["Lisbon", "09:00 to 19:00"]]

LIGHTHOUSE_PAGES = [
    "The Greyhead lighthouse was completed in 1871 after four years of work on the rocky point.\n"
    "Its granite tower rises forty-two metres above the high-water mark.",
    "Margaret Hale kept the light from 1902 to 1931, the only woman to hold the post.\n"
    "During the great storm of 1903 she rowed out to rescue eleven sailors from the schooner Aurora.",
    "The lamp was automated in 1989 and the keepers' cottages became a small maritime museum.\n"
    "Visitors can climb the 157 steps to the lantern room on summer weekends.",
]

BREAD_HTML = """<!doctype html><html><head><title>Bread at home</title>
<style>.recipe { font-family: serif; color: #432; }</style>
<script>window.analytics = { track: function () { return 'oven-temperature-tracker'; } };</script></head>
<body><h1>Bread at home</h1>
<p>Feed the sourdough starter with equal weights of flour and water, one part starter to one part flour to one part water, the evening before baking.</p>
<p>Bake the sourdough loaf in a preheated Dutch oven at 230 degrees Celsius for forty minutes, removing the lid for the last fifteen.</p>
<p>Rye dough is sticky; let it rise in a floured basket for about two hours until it shows cracks on top.</p>
<p>Store bread cut side down on a wooden board; the fridge makes it go stale faster.</p>
</body></html>"""

TRAVEL = """Travel notes - Portugal, spring

In Lisbon the old yellow tram number 28 climbs through Alfama and Graca; board at Martim Moniz to get a seat.
Tickets for the Pena Palace in Sintra cost fourteen euros if bought online the day before.
In Porto the port wine cellars are across the river in Vila Nova de Gaia; most tours end with a tasting of three wines.
The rainy months are November to February, so pack a light waterproof jacket for a winter trip.
Pastéis de nata are best warm, dusted with cinnamon, at the café in Belém next to the monastery.
"""

INVENTORY_CODE = '''"""Warehouse stock rules."""


class WarehouseBin:
    """One storage bin. Stock is counted in whole units."""

    REORDER_THRESHOLD = 15  # reorder from the supplier when stock falls below fifteen units

    def __init__(self, sku: str, units: int) -> None:
        self.sku = sku
        self.units = units

    def needs_reorder(self) -> bool:
        return self.units < self.REORDER_THRESHOLD


def shipping_cost(weight_kg: float) -> float:
    """Parcels cost 4.90 euros up to two kilograms, then 1.20 euros for every extra kilogram."""
    extra = max(0.0, weight_kg - 2.0)
    return 4.90 + 1.20 * extra
'''

LEASE = """房屋租赁合同

第一条 租赁期限为两年，自双方签字之日起计算，期满后乙方享有优先续租权。
第二条 乙方应当在每月五日之前将当月租金转入甲方指定的银行账户。
第三条 押金为两个月的租金，合同期满且房屋无损坏时全额退还。
第四条 任何一方提前解除合同，须提前三十天以书面形式通知对方。
第五条 房屋的结构性维修和大型电器的更换由甲方负责，日常小修由乙方承担。
第六条 未经甲方书面同意，乙方不得在房屋内饲养宠物。
"""

POLICY_PARAGRAPHS = [
    "员工入职满一年后，每年享有十五天带薪年假，未休完的年假可以顺延至次年三月底。",
    "工作日加班按照正常工资的一点五倍支付加班费，法定节假日加班按三倍支付。",
    "差旅费用须在发生后六十天内凭发票报销，逾期财务部门不予受理。",
    "新员工的试用期为三个月，试用期内双方均可提前三天通知解除劳动合同。",
]
POLICY_TABLE = [["部门", "负责人"], ["研发部", "王建国"], ["市场部", "李晓梅"]]

TEA = """# 中国名茶简介

西湖龙井产于浙江杭州西湖一带，属于绿茶，以色绿、香郁、味甘、形美著称。

普洱茶产自云南，经过后发酵工艺制成，存放时间越久，口感往往越醇厚。

安溪铁观音是福建的乌龙茶，属于半发酵茶，带有明显的兰花香。

冲泡绿茶时水温不宜过高，八十度左右的水最合适，以免烫伤嫩芽。

白茶以福建福鼎出产的白毫银针最为有名，制作时只经过萎凋和干燥。
"""

TAIPEI_HTML = """<html><head><meta charset="big5"><title>台北旅遊筆記</title>
<script>var 廣告 = "不要索引這段文字";</script></head><body>
<p>國立故宮博物院收藏了大量宋元明清的文物，最有名的是翠玉白菜和肉形石。</p>
<p>九份老街位於新北市山區，傍晚時分紅燈籠亮起，最適合拍照。</p>
<p>搭乘台北捷運時可以使用悠遊卡，進出站感應即可自動扣款。</p>
<p>士林夜市是台北規模最大的夜市，大餅包小餅和蚵仔煎都很受歡迎。</p>
</body></html>"""

HISTORY_PAGES = [
    "我们今天看到的砖石长城大部分是明朝修建的，用来抵御北方游牧民族。\n秦始皇统一六国后曾把各国的城墙连接起来。",
    "北京故宫于一四二零年建成，是明清两代的皇宫，共有二十四位皇帝在这里居住。\n故宫现在是故宫博物院，每年接待游客超过一千万人次。",
    "京杭大运河始建于春秋时期，隋朝时大规模开凿，全长约一千七百九十四公里。\n它是世界上最长的人工运河。",
]

HEALTH = """健康生活小贴士

成年人每晚最好保证七到八个小时的睡眠，长期睡眠不足会影响记忆力和免疫力。
世界卫生组织建议成年人每周进行至少一百五十分钟中等强度的有氧运动，例如快走或骑自行车。
每天喝水大约一点五升到两升，运动或天气炎热时要适当增加。
久坐办公的人每隔一小时应该起身活动五分钟，缓解颈椎和腰部的压力。
"""

# (language, question, the text a correct passage contains, the file it is in)
QUESTIONS: list[tuple[str, str, str, str]] = [
    ("en", "How many hours of sun do tomato plants need?", "six hours of direct sunlight", "garden.md"),
    ("en", "How often should I water the vegetable beds?", "twice a week", "garden.md"),
    ("en", "What herb should be grown next to tomatoes to keep pests away?", "basil", "garden.md"),
    ("en", "When is the right time to cut back climbing roses?", "late winter", "garden.md"),
    ("en", "What is a good way to get rid of slugs?", "beer", "garden.md"),
    ("en", "How many vacation days do full-time staff get each year?", "twenty-five days", "handbook.docx"),
    ("en", "How many days a week can I work remotely?", "two days", "handbook.docx"),
    ("en", "What is the deadline for handing in receipts for reimbursement?", "thirty days", "handbook.docx"),
    ("en", "How long is paid leave for new parents?", "sixteen weeks", "handbook.docx"),
    ("en", "What time does the Lisbon office open?", "09:00", "handbook.docx"),
    ("en", "In which year was the Greyhead light finished?", "1871", "lighthouse.pdf"),
    ("en", "Who saved the crew of the Aurora?", "Margaret Hale", "lighthouse.pdf"),
    ("en", "How tall is the lighthouse tower?", "forty-two metres", "lighthouse.pdf"),
    ("en", "When did the light stop needing a keeper?", "automated in 1989", "lighthouse.pdf"),
    ("en", "At what temperature and for how long should a sourdough loaf be baked?", "230 degrees", "bread.html"),
    ("en", "How long does rye dough need to rise?", "two hours", "bread.html"),
    ("en", "Where is the best place to keep a loaf of bread?", "wooden board", "bread.html"),
    ("en", "Which tram line goes through the old Lisbon neighbourhoods?", "tram number 28", "travel.txt"),
    ("en", "How much is an entry ticket to the palace in Sintra?", "fourteen euros", "travel.txt"),
    ("en", "When is the wet season in Portugal?", "November to February", "travel.txt"),
    ("en", "Below what stock level is a bin reordered?", "fifteen units", "inventory.py"),
    ("en", "What does it cost to ship a 5 kg parcel?", "1.20 euros", "inventory.py"),
    ("zh", "房子的租期是多长时间？", "租赁期限为两年", "lease.txt"),
    ("zh", "每个月的房租最晚什么时候交？", "每月五日之前", "lease.txt"),
    ("zh", "租房押金要交多少？", "押金为两个月的租金", "lease.txt"),
    ("zh", "如果想提前退租需要怎么做？", "提前三十天", "lease.txt"),
    ("zh", "家里的大家电坏了谁来负责换？", "大型电器的更换由甲方负责", "lease.txt"),
    ("zh", "租的房子里可以养猫狗吗？", "饲养宠物", "lease.txt"),
    ("zh", "工作满一年有几天年假？", "十五天带薪年假", "policy.docx"),
    ("zh", "周末以外的工作日加班工资怎么算？", "一点五倍", "policy.docx"),
    ("zh", "出差的费用多久之内必须报销？", "六十天内", "policy.docx"),
    ("zh", "新人试用期多长？", "试用期为三个月", "policy.docx"),
    ("zh", "市场部的负责人是谁？", "李晓梅", "policy.docx"),
    ("zh", "龙井茶是哪里出产的？", "杭州西湖", "tea.md"),
    ("zh", "普洱茶是用什么工艺做的？", "后发酵", "tea.md"),
    ("zh", "泡绿茶用多少度的水比较好？", "八十度", "tea.md"),
    ("zh", "铁观音属于哪一类茶？", "乌龙茶", "tea.md"),
    ("zh", "故宮裡最有名的收藏品是什麼？", "翠玉白菜", "taipei.html"),
    ("zh", "在台北坐捷運用什麼卡付錢？", "悠遊卡", "taipei.html"),
    ("zh", "台北最大的夜市是哪一個？", "士林夜市", "taipei.html"),
    ("zh", "现在的长城主要是哪个朝代建的？", "明朝修建", "history.pdf"),
    ("zh", "紫禁城是哪一年完工的？", "一四二零年", "history.pdf"),
    ("zh", "京杭大运河有多长？", "一千七百九十四公里", "history.pdf"),
    ("zh", "成年人一晚应该睡几个小时？", "七到八个小时", "health.txt"),
    ("zh", "一周要运动多少分钟才够？", "一百五十分钟", "health.txt"),
    ("zh", "每天应该喝多少水？", "一点五升", "health.txt"),
]


ROOT = Path(__file__).resolve().parents[1]


def distractors() -> list[Path]:
    """Texts the project ships, indexed beside the twelve documents so that a hit has to beat
    real passages: the bilingual evaluation text and the project's own documentation."""
    return [ROOT / "assets" / "eval" / "sample-en-zh.txt", *sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]


def write_corpus(folder: Path, with_distractors: bool = True) -> Path:
    """Write the twelve documents (and copies of the distractors) into ``folder`` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    if with_distractors:
        extra = folder / "project-texts"
        extra.mkdir(exist_ok=True)
        for path in distractors():
            (extra / path.name).write_bytes(path.read_bytes())
    (folder / "garden.md").write_text(GARDEN, encoding="utf-8")
    write_docx(folder / "handbook.docx", title="Employee handbook", paragraphs=HANDBOOK_PARAGRAPHS, heading="Offices", table=HANDBOOK_TABLE)
    write_pdf(folder / "lighthouse.pdf", LIGHTHOUSE_PAGES)
    (folder / "bread.html").write_text(BREAD_HTML, encoding="utf-8")
    (folder / "travel.txt").write_bytes(TRAVEL.encode("cp1252"))
    (folder / "inventory.py").write_text(INVENTORY_CODE, encoding="utf-8")
    (folder / "lease.txt").write_bytes(LEASE.encode("gb18030"))
    write_docx(folder / "policy.docx", title="公司制度", paragraphs=POLICY_PARAGRAPHS, heading="各部门负责人", table=POLICY_TABLE)
    (folder / "tea.md").write_bytes(TEA.encode("utf-8-sig"))
    (folder / "taipei.html").write_bytes(TAIPEI_HTML.encode("big5"))
    write_pdf(folder / "history.pdf", HISTORY_PAGES)
    (folder / "health.txt").write_bytes(HEALTH.encode("utf-16"))
    return folder
