#!/usr/bin/env python3
"""Writes probes_blind2.jsonl: the second blind PII probe set (100 records, 70 en + 30 zh).

Written before any change to the detector and without reading its gazetteers: the names were
invented for this file (Nigerian, Indian, Vietnamese, Polish, Turkish, Arabic transliterations,
Portuguese/Brazilian, Ghanaian, Chinese with common and rare surnames and 1-2 char given names).
Templates are new layouts: signatures, "Contact:", "X said", "Dear X,", cc lists, attendee lists,
pipe tables, lower-case chat. About 20% of records hold no PII and carry hard negatives
(capitalised non-name phrases, places, products, headings, sentence-initial capitals).

Gold spans are computed from inline marks [[TYPE|value]] by make_probes.build; checksummed values
come from make_probes' generators, reseeded here. Reproducible:
python3 make_probes_blind2.py > probes_blind2.jsonl
"""
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_probes as mp  # noqa: E402

mp.R = random.Random(20261128 + 2)
R = random.Random(4242)

EN_NAMES = [
    "Chukwuemeka Obi", "Adaeze Nwankwo", "Oluwaseun Adeyemi", "Ngozi Eze", "Ifeoma Okafor",
    "Temitope Ogunleye", "Yetunde Bakare", "Emeka Nnamdi Okonkwo",
    "Priya Raghavan", "Venkatesh Iyer", "Ananya Deshpande", "Harpreet Sandhu", "Sandeep Kulkarni",
    "Lakshmi Narayanan", "Rohit Chaturvedi", "Meenakshi Subramaniam",
    "Nguyen Thi Lan", "Tran Van Minh", "Pham Quoc Bao", "Le Thu Trang", "Hoang Duc Anh",
    "Agnieszka Wróblewska", "Krzysztof Zieliński", "Małgorzata Kowalczyk", "Tomasz Szymański",
    "Grzegorz Lewandowski",
    "Emre Yıldırım", "Ayşe Demirci", "Mehmet Kaya", "Zeynep Aksoy", "Burak Öztürk",
    "Khalid Al-Mansouri", "Fatima Haddad", "Youssef El Amrani", "Layla Abdelrahman", "Omar Bin Saleh",
    "João Carvalho", "Mariana Figueiredo", "Thiago Albuquerque", "Beatriz Mendonça", "Rui Gonçalves",
    "Kwame Asante", "Abena Mensah", "Kofi Boateng", "Efua Owusu",
    "Siddharth Menon", "Deepika Bhattacharya", "Arjun Venkataraman",
    "Wojciech Nowak", "Hülya Çelik", "Tariq Qureshi", "Nadia Benali", "Caio Ribeiro",
    "Bich Ngoc Vu", "Aigerim Bekova",
]
R.shuffle(EN_NAMES)
_it = iter(EN_NAMES * 3)


def n():
    return next(_it)


EN_T = [
    "Best regards,\n[[P|{n}]]\nSenior Analyst, Northwind Logistics",
    "Contact: [[P|{n}]]\nPhone: [[PH|+234 803 555 0142]]",
    "[[P|{n}]] said the rollout would slip to next Tuesday because the vendor missed a deadline.",
    "Dear [[P|{n}]],\n\nYour appointment with the dermatology clinic is confirmed for Friday at 10:30.",
    "cc: [[P|{n}]], [[P|{n}]]\nSubject: Q3 forecast draft",
    "Attendees: [[P|{n}]]; [[P|{n}]]; [[P|{n}]]\nApologies: none",
    "Name | Phone\n[[P|{n}]] | [[PH|+91 98765 43210]]\n[[P|{n}]] | [[PH|+48 512 345 678]]",
    "Assigned to: [[P|{n}]]\nStatus: In Progress\nPriority: High",
    "Thanks again for your help with the migration!\n\n[[P|{n}]]",
    "According to [[P|{n}]], the figures for the northern region were revised upward.",
    "Prepared by [[P|{n}]] for the Board of Directors, March 2025.",
    "Team leads:\n- [[P|{n}]] (Finance)\n- [[P|{n}]] (Legal)\n- [[P|{n}]] (Operations)",
    "I met with Dr. [[P|{n}]] this morning and she recommended another scan in six weeks.",
    "[[P|{n}]]'s report is attached; please review it before the call.",
    "Reviewer: [[P|{n}]] <[[E|reviewer.team@kestrel-labs.io]]>",
    "From: [[P|{n}]]\nTo: [[E|procurement@example.com]]\nSent: Monday",
    "Emergency contact: [[P|{n}]] (spouse), [[PH|+90 532 418 27 63]]",
    "Passenger: [[P|{n}]]\nPassport No.: [[PP|P7734120]]\nSeat: 14C",
    "The visa application for [[P|{n}]] was approved on 4 June.",
    "Please welcome [[P|{n}]], who joins the data platform team next week.",
    "Signed,\n[[P|{n}]]\nHead of Compliance",
    "Owner | Email\n[[P|{n}]] | [[E|ops-desk@tamarind.co.in]]\n[[P|{n}]] | [[E|m.ribeiro@correio.com.br]]",
    "Interview panel: [[P|{n}]], [[P|{n}]] and [[P|{n}]].",
    "Patient: [[P|{n}]]\nDOB: [[DOB|17/09/1984]]\nNHS: [[NHS|{nhs1}]]",
    "Bank details for [[P|{n}]]: IBAN [[IB|{pl}]]",
    "Refund issued to [[P|{n}]] on card [[CC|{visa}]].",
    "Courier will deliver to [[P|{n}]] at [[A|27 Bellfield Crescent, Leeds LS6 3HT]].",
    "Kind regards\n[[P|{n}]] | Account Manager | [[PH|+351 912 345 678]]",
    "We spoke to [[P|{n}]] and [[P|{n}]] about the contract renewal.",
    "Mr [[P|{n}]] will present the results.",
    "Speaker: [[P|{n}]] — \"Scaling payments in West Africa\"",
    "Notes from [[P|{n}]]: the server at [[IP|10.24.188.7]] dropped packets overnight.",
    "Landlord: [[P|{n}]], [[A|88 Harcourt Street, Dublin 2]]",
    "Mrs. [[P|{n}]] was born on [[DOB|3 March 1962]] in Porto.",
    "Approved by [[P|{n}]] (CFO) and [[P|{n}]] (CEO).",
    "Wallet owner [[P|{n}]] sent funds to [[W|{bc1q}]].",
    "Device registered to [[P|{n}]], MAC [[MAC|3c:22:fb:91:0a:7e]].",
    "Ticket opened by [[P|{n}]] — password reset requested; temporary password: [[S|Hv4#pLq92!xT]]",
]
EN_LOWER = [
    "hey it's [[P|{ln}]], can you ping [[P|{ln}]] about the invoice? thx",
    "lol [[P|{ln}]] just sent the slides, check slack",
    "ok so [[P|{ln}]] says the build is green now",
    "fwd to [[P|{ln}]] pls, she owns the vendor list",
]
EN_NEG = [
    "Quarterly Review\n\nRevenue grew 8% and churn fell below 3%. Action Items are listed below.",
    "New Delhi and Ho Chi Minh City were added to the regional rollout plan for Q2.",
    "Please Review Attached Documents Before Friday's Steering Committee.",
    "The Samsung Galaxy Tab and Google Pixel Watch both passed the Compatibility Test Suite.",
    "Action Items\n- Update Release Notes\n- Schedule Design Review\n- Close Open Tickets",
    "Customer Success Team | Support Hours\nMonday to Friday | 9:00-17:00",
    "Golden Gate Bridge, Grand Canyon and Saint Petersburg top this year's Travel Awards.",
    "Visual Studio Code crashed after the Insider Build 1.92.0 update on Windows Server.",
    "Strategic Planning Offsite — Agenda: Opening Remarks, Market Outlook, Closing Session.",
    "Lagos Island, Abuja Central and Port Harcourt branches report to Regional Operations.",
    "Project Phoenix Status: Green. Next Milestone: Beta Launch on 12 August 2025.",
    "Istanbul Airport and Warsaw Chopin handle most of our Eastern Europe Cargo.",
    "Invoice INV-2024-00817 | Amount Due | 1,240.00 EUR | Due Date 2024-11-30",
    "Dear Valued Customer,\n\nThank you for choosing Silver Oak Hotels & Resorts.",
]

ZH_NAMES = [
    "王子涵", "李浩然", "张雨桐", "刘建国", "陈婷", "杨磊", "黄欣怡", "赵志强", "吴梓萱", "周晓峰",
    "欧阳秀英", "司马鹏", "诸葛明远", "上官婉儿", "覃雪梅", "蒙家豪", "邝少雄", "芮晴", "庞振宇", "阎红",
    "嵇文博", "逯一鸣", "钟嘉琪", "谭永康", "喻晨", "栾佳慧", "俞思远", "卜凡",
]
R.shuffle(ZH_NAMES)
_zit = iter(ZH_NAMES * 3)


def zn():
    return next(_zit)


ZH_T = [
    "联系人：[[P|{z}]]\n电话：[[PH|138 1234 5678]]",
    "[[P|{z}]]说下周的发布会要推迟。",
    "尊敬的[[P|{z}]]先生：\n\n您的订单已发货，请注意查收。",
    "抄送：[[P|{z}]]、[[P|{z}]]",
    "姓名 | 电话\n[[P|{z}]] | [[PH|139 0011 2233]]\n[[P|{z}]] | [[PH|186 7788 9900]]",
    "[[P|{z}]]经理已经批准了这笔报销。",
    "请[[P|{z}]]老师在周五前提交成绩单。",
    "此致\n敬礼\n[[P|{z}]]\n2025年3月1日",
    "负责人：[[P|{z}]]，邮箱：[[E|dev-team@huaxin-tech.cn]]",
    "今天和[[P|{z}]]、[[P|{z}]]一起讨论了预算。",
    "患者[[P|{z}]]，身份证号[[ID|{id1}]]，于[[DOB|1990年5月12日]]出生。",
    "收件人：[[P|{z}]]，地址：[[A|广东省深圳市南山区科技园路18号3栋502室]]",
    "[[P|{z}]]女士的护照号码是[[PP|E12345678]]。",
    "会议记录人：[[P|{z}]]",
    "据[[P|{z}]]介绍，新系统上线后效率提升了三成。",
    "转账给[[P|{z}]]，卡号[[CC|{unionpay}]]。",
    "值班医生：[[P|{z}]]；护士：[[P|{z}]]",
    "[[P|{z}]]：收到，我马上处理。",
    "感谢[[P|{z}]]同学的帮助！",
    "项目成员：[[P|{z}]]（前端）、[[P|{z}]]（后端）、[[P|{z}]]（测试）",
    "服务器[[IP|192.168.31.45]]由[[P|{z}]]负责维护。",
    "[[P|{z}]]医生建议每三个月复查一次。",
    "签名：[[P|{z}]]",
    "请联系[[P|{z}]]，手机[[PH|+86 150 2468 1357]]。",
]
ZH_NEG = [
    "周末去王府井逛了逛，然后去张家界旅游。",
    "黄金周期间，长城和黄河沿线景区游客众多。",
    "季度总结：陈列方案已更新，白云山项目进展顺利。",
    "江南水乡的春天很美，高铁票已经售罄。",
    "本周例会议程：市场分析、产品规划、年度预算。",
    "华为手机和小米电视的销量均有增长。",
]


def main():
    vals = dict(mp.V)
    vals.update({"nhs1": mp.nhs(" "), "pl": mp.iban("PL", mp.digits(24)), "visa": mp.card("4", 16, (4, 4, 4, 4)),
                 "bc1q": mp.bech32("bc", 0, bytes(mp.R.randrange(256) for _ in range(20))),
                 "id1": mp.cn_id("450102", "19900512"), "unionpay": mp.card("622848", 19, (4, 4, 4, 4, 3))})
    mp.V.update(vals)
    out, k = [], 0

    def emit(raw, lang, fill):
        nonlocal k
        k += 1
        while "{n}" in raw or "{ln}" in raw or "{z}" in raw:
            raw = raw.replace("{n}", fill(), 1) if "{n}" in raw else raw
            raw = raw.replace("{ln}", n().lower(), 1) if "{ln}" in raw else raw
            raw = raw.replace("{z}", zn(), 1) if "{z}" in raw else raw
        out.append(mp.build(raw, lang, f"b{k:04d}"))

    en = EN_T + EN_LOWER
    R.shuffle(en)
    for raw in (en + EN_T)[:56]:
        emit(raw, "en", n)
    for raw in EN_NEG:
        emit(raw, "en", n)
    for raw in ZH_T:
        emit(raw, "zh", zn)
    for raw in ZH_NEG:
        emit(raw, "zh", zn)
    for rec in out:
        sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
