#!/usr/bin/env python3
"""Writes probes.jsonl: the PII probe set (written without looking at the shared dev set).

Texts are written with inline marks [[TYPE|value]]; the marks are removed and the gold spans are
the offsets of the values in the final text (computed here, never counted by hand). Validated
values (cards, IBANs, NHS numbers, resident IDs, wallets, SSNs) are generated with their checksums
from a fixed seed, so the file is reproducible: python3 make_probes.py > probes.jsonl
"""
import hashlib
import json
import random
import re
import sys

R = random.Random(20261128)

ALIAS = {"P": "PERSON", "E": "EMAIL_ADDRESS", "PH": "PHONE_NUMBER", "CC": "CREDIT_CARD",
         "IB": "IBAN_CODE", "SSN": "US_SSN", "IP": "IP_ADDRESS", "A": "STREET_ADDRESS",
         "DOB": "DATE_OF_BIRTH", "W": "CRYPTO_WALLET", "MAC": "MAC_ADDRESS",
         "ID": "CN_RESIDENT_ID", "PP": "PASSPORT_NUMBER", "NHS": "UK_NHS_NUMBER", "S": "SECRET"}


# ---- checksummed values -------------------------------------------------------------------
def luhn_complete(prefix, length):
    d = prefix + "".join(str(R.randrange(10)) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, ch in enumerate(reversed(d)):
        v = int(ch)
        if i % 2 == 0:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return d + str((10 - total % 10) % 10)


def group(s, sizes, sep=" "):
    out, i = [], 0
    for n in sizes:
        out.append(s[i:i + n])
        i += n
    return sep.join(out)


def card(prefix, length, sizes=None, sep=" "):
    n = luhn_complete(prefix, length)
    return group(n, sizes, sep) if sizes else n


def iban(cc, bban, spaced=True):
    rearranged = bban + cc + "00"
    num = "".join(str(int(c, 36)) for c in rearranged)
    check = 98 - int(num) % 97
    s = f"{cc}{check:02d}{bban}"
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4)) if spaced else s


def digits(n):
    return "".join(str(R.randrange(10)) for _ in range(n))


def nhs(sep=" "):
    while True:
        d = [R.randrange(10) for _ in range(9)]
        check = 11 - sum(v * w for v, w in zip(d, range(10, 1, -1))) % 11
        if check == 11:
            check = 0
        if check != 10:
            s = "".join(map(str, d)) + str(check)
            return group(s, (3, 3, 4), sep) if sep is not None else s


def cn_id(region, birth, bad=False):
    body = region + birth + digits(3)
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    c = "10X98765432"[sum(int(a) * b for a, b in zip(body, w)) % 11]
    if bad:
        c = "10X98765432"[("10X98765432".index(c) + 3) % 11]
    return body + c


def ssn():
    while True:
        a = R.randrange(1, 900)
        if a != 666:
            return f"{a:03d}-{R.randrange(1, 100):02d}-{R.randrange(1, 10000):04d}"


B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def base58check(version):
    payload = bytes([version]) + bytes(R.randrange(256) for _ in range(20))
    full = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    n = int.from_bytes(full, "big")
    s = ""
    while n:
        n, r = divmod(n, 58)
        s = B58[r] + s
    return "1" * (len(full) - len(full.lstrip(b"\0"))) + s


CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def _polymod(values):
    gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]
    chk = 1
    for v in values:
        b = chk >> 25
        chk = (chk & 0x1ffffff) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if ((b >> i) & 1) else 0
    return chk


def bech32(hrp, witver, prog):
    acc, bits, data = 0, 0, [witver]
    for b in prog:
        acc = (acc << 8) | b
        bits += 8
        while bits >= 5:
            bits -= 5
            data.append((acc >> bits) & 31)
    if bits:
        data.append((acc << (5 - bits)) & 31)
    const = 1 if witver == 0 else 0x2bc830a3
    hrpx = [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp]
    pm = _polymod(hrpx + data + [0] * 6) ^ const
    data += [(pm >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(CHARSET[d] for d in data)


def hexs(n):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def alnum(n, alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"):
    return "".join(R.choice(alphabet) for _ in range(n))


# ---- values used below ---------------------------------------------------------------------
V = {
    "visa": card("4", 16, (4, 4, 4, 4)),
    "visa_dash": card("4", 16, (4, 4, 4, 4), "-"),
    "mc": card("53", 16, (4, 4, 4, 4)),
    "mc2": card("2223", 16),
    "amex": card("37", 15, (4, 6, 5)),
    "amex2": card("34", 15, (4, 6, 5), "-"),
    "unionpay": card("622848", 19, (4, 4, 4, 4, 3)),
    "disc": card("6011", 16, (4, 4, 4, 4)),
    "de": iban("DE", digits(18)),
    "gb": iban("GB", "NWBK" + digits(14), spaced=False),
    "fr": iban("FR", digits(10) + "A" + digits(12)),
    "nl": iban("NL", "RABO" + digits(10), spaced=False),
    "es": iban("ES", digits(20)),
    "it": iban("IT", "X" + digits(22), spaced=False),
    "be": iban("BE", digits(12)),
    "ch": iban("CH", digits(17)),
    "at": iban("AT", digits(16), spaced=False),
    "pl": iban("PL", digits(24)),
    "ie": iban("IE", "AIBK" + digits(14)),
    "se": iban("SE", digits(20), spaced=False),
    "no": iban("NO", digits(11)),
    "nhs1": nhs(" "), "nhs2": nhs("-"), "nhs3": nhs(None),
    "id1": cn_id("440305", "19880612"), "id2": cn_id("110105", "19790423"),
    "id3": cn_id("510107", "19951130"), "id4": cn_id("330106", "20010207"),
    "id_bad": cn_id("320102", "19860319", bad=True),
    "ssn1": ssn(), "ssn2": ssn(), "ssn3": ssn().replace("-", " "),
    "btc1": base58check(0), "btc3": base58check(5),
    "bc1q": bech32("bc", 0, bytes(R.randrange(256) for _ in range(20))),
    "bc1p": bech32("bc", 1, bytes(R.randrange(256) for _ in range(32))),
    "eth": "0x" + hexs(40), "eth2": "0x" + hexs(40),
    "txhash": "0x" + hexs(64), "git": hexs(40), "sha": hexs(64),
    "aws": "AKIA" + alnum(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),
    "ghp": "ghp_" + alnum(36),
    "slack": "xoxb-" + digits(12) + "-" + digits(13) + "-" + alnum(24),
    "jwt": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + "eyJzdWIiOiI4ODIxIiwiaWF0IjoxNzE2MjM5MDIyfQ"
           + "." + alnum(43, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
    "apikey": "sk_live_" + alnum(24),
    "fail_card": "4539 1488 0343 6468",
}
bad_luhn = list(V["visa"].replace(" ", ""))
bad_luhn[-1] = str((int(bad_luhn[-1]) + 1) % 10)
V["bad_card"] = group("".join(bad_luhn), (4, 4, 4, 4))
bad_iban = list(V["de"])
bad_iban[-1] = str((int(bad_iban[-1]) + 1) % 10)
V["bad_iban"] = "".join(bad_iban)

EN = [
    # ---- e-mails and support replies
    """Hi [[P|Tadhg Breathnach]],

Thanks for getting in touch about order #A-55120-93. I've updated the delivery address to [[A|4821 Old Mill Road, Apt 3B, Bozeman, MT 59715]]. If anything else changes, just reply here or call us on [[PH|(406) 587-2290]] ext. 14.

Best,
[[P|Lorcan Dunleavy]]
Customer Care, Brightwater Outfitters""",
    """Dear Ms. [[P|Sorcha Kavanagh]],

Your refund of €84.90 has been sent to the account [[IB|{ie}]]. It normally arrives within 3–5 working days. Your case reference is CS-2024-118734.

Kind regards,
The Billing Team""",
    """Hello [[P|Fergal O'Rourke]], we received your request to close the account registered to [[E|fergal.orourke@kestrelmail.ie]]. Before we do, please confirm the last four digits of the card on file (**** **** **** 4417).""",
    """Subject: Re: missing parcel

Hi [[P|Bronagh Coughlan]],

I'm sorry the parcel hasn't arrived. Royal Mail shows tracking number JD014600003828392651 as "out for delivery" on 14 March. Could you confirm the address is still [[A|Flat 2, 47 Ormeau Road, Belfast BT7 1SH]]?

Thanks,
Gemma""",
    """Thanks for your patience! I've escalated ticket #88213 to our payments team. Someone will contact you at [[PH|+44 20 7946 0321]] between 9am and 5pm. In the meantime, please don't share your full card number by e-mail.""",
    """Hi there,

We noticed a sign-in to your account from a new device (IP [[IP|198.51.100.77]], Chrome 122 on Windows). If this was you, no action is needed. If not, reset your password at once.

— Security at Northgate Bank""",
    """Good afternoon [[P|Alasdair Urquhart]],

Following our call, here are the wire details for the deposit:
Beneficiary: [[P|Hamish Farquharson]]
IBAN: [[IB|{gb}]]
Amount: £2,450.00
Reference: DEP-0193

Regards,
Morag""",
    """Dear [[P|Catriona McGillivray]] <[[E|c.mcgillivray@glenbrae-analytics.co.uk]]>,

Your interview for the Senior Data Engineer role is confirmed for Thursday 11 April at 10:30 BST. Please bring photo ID.""",
    """Hello Mr. [[P|Radosław Kowalczyk]], the replacement SIM has been posted. Your number [[PH|+48 512 334 871]] will be ported within 24 hours.""",
    """Hi [[P|Priyanka Raghunathan]],

I've attached the signed NDA. You can reach me on my mobile, [[PH|+91 98450 27136]], or at [[E|v.subramaniam@lotusgrid.in]].

Cheers,
[[P|Venkat Subramaniam]]""",
    # ---- HR notes and forms
    """HR note – onboarding
Employee: [[P|EILIDH MACASKILL]]
Start date: 2 September 2024
DOB: [[DOB|14/03/1991]]
Emergency contact: [[P|Torquil MacAskill]], [[PH|+44 7712 904418]]""",
    """New starter form
Name: [[P|Thandiwe Mokoena]]
Date of birth: [[DOB|1993-08-27]]
SSN: [[SSN|{ssn1}]]
Home address: [[A|2207 Pine Hollow Dr, Unit 5, Boise, ID 83706]]
Personal email: [[E|thandiwe.mokoena@gmail.com]]""",
    """Personnel file update: [[P|Oluwaseun Adeyemi-Bankole]] (born [[DOB|3 May 1987]]) has moved to the Leeds office. Payroll should use the new account [[IB|{gb}]] from the June run.""",
    """The performance review for [[P|Dagny Håkonsen]] was completed by her line manager, [[P|Halvard Vaksdal]], on 28 February. No further action.""",
    """Applicant [[P|María José Fernández-Castillo]] was born on the [[DOB|9th of November 1990]] and holds passport number [[PP|PAB482913]]. Her references have been checked.""",
    """Please update the records for [[P|Iñigo Ruiz de Gaona]]: new phone [[PH|+34 612 48 93 07]], new e-mail [[E|inigo.ruizdegaona@euskalnet.net]].""",
    """Candidate: [[P|Kwabena Asante-Mensah]]
Phone: [[PH|+233 24 418 7725]]
Email: [[E|kwabena.am@outlook.com]]
Notes: strong SQL, weak on cloud; second interview with [[P|Ottoline Blenkinsop]].""",
    """Leave request approved for [[P|Peregrine Ashdown-Whitcombe]] from 1–12 July. Cover: [[P|Tamsin Penhaligon]].""",
    """Reminder: [[P|crispin thistlethwaite]] still owes the expense report for the Berlin trip (receipts total €612.40).""",
    """Medical note – GP surgery
Patient: [[P|Gwilym Prys-Davies]]
NHS number: [[NHS|{nhs1}]]
D.O.B.: [[DOB|22.02.1961]]
Address: [[A|14 Heol y Coed, Cardiff CF14 6HH]]""",
    """Referral for [[P|Siân Ellis-Jones]], NHS No. [[NHS|{nhs3}]], to the dermatology clinic. Her birthday is [[DOB|July 4th, 1992]], please check eligibility.""",
    """Patient [[P|Barnaby Hargreaves]] (NHS [[NHS|{nhs2}]]) called about his repeat prescription.""",
    # ---- invoices and payments
    """INVOICE INV-2024-00871
Bill to: [[P|Fionnuala O'Donoghue]]
[[A|Flat 4, 19 Kelvinside Gardens, Glasgow G20 6BG]]

Web design – 12 hours @ £65.00 = £780.00
VAT (20%) = £156.00
Total due: £936.00

Pay by bank transfer to [[IB|{gb}]] within 30 days.""",
    """Rechnung Nr. 2024-0457
Kunde: [[P|Jocasta Prideaux]]
Lieferadresse: [[A|Karl-Marx-Allee 90A, 10243 Berlin]]
Betrag: 1.249,00 EUR
Bitte überweisen Sie auf [[IB|{de}]].""",
    """Payment received — thank you! Card [[CC|{visa}]] was charged $129.99 for the annual plan (order 4410-2291-07).""",
    """Please charge the deposit to my Amex, [[CC|{amex}]], expiry 09/27. The name on the card is [[P|Leocadia Treacy]].""",
    """Supplier payment details:
- Société Marbrière du Rhône: [[IB|{fr}]]
- Vandersloot BV: [[IB|{nl}]]
- Cerámicas Olabarría SL: [[IB|{es}]]
- Marmi Scaglione SpA: [[IB|{it}]]""",
    """Remittance advice: EUR 4,310.00 paid from [[IB|{be}]] to [[IB|{ch}]] on 2024-05-02, ref. RA-77120.""",
    """Your Mastercard [[CC|{mc}]] has been added to the wallet. The card number [[CC|{visa_dash}]] was removed.""",
    """Refund to Discover card [[CC|{disc}]]: $42.17 (return RMA-55812).""",
    """Zahlungsempfänger: [[P|Ingrid Vaksdal]], IBAN [[IB|{at}]], Verwendungszweck: Miete Mai""",
    """Transfer PLN 3 200,00 to [[IB|{pl}]] (recipient: [[P|Milica Petrović]]).""",
    """Lönen betalas till [[IB|{se}]]; Norwegian account for the Bergen team: [[IB|{no}]].""",
    # ---- chat logs
    """[09:14] [[P|ximena zubizarreta]]: hey can u send the wire details again
[09:15] agent_mike: Sure! IBAN [[IB|{es}]], reference INV-7781
[09:16] [[P|ximena zubizarreta]]: thx""",
    """<user> my phone is [[PH|0412 345 678]] and my email is [[E|tran.quocbao@bigpond.com]], name [[P|Tran Quoc Bao]]
<assistant> Thanks, Bao — I've updated your contact details.""",
    """user: can you format this? name: [[P|nguyen thi thuy]], dob [[DOB|02/11/1985]], phone [[PH|+84 912 345 678]]
assistant: Sure:
- Name: [[P|Nguyen Thi Thuy]]
- Date of birth: [[DOB|2 November 1985]]
- Phone: [[PH|+84 912 345 678]]""",
    """Slack export #ops
[[P|Anjali Shrestha]]: the staging box is at [[IP|10.42.7.19]] now
[[P|Sandeep Bhattarai]]: ok, and the MAC for the DHCP reservation?
[[P|Anjali Shrestha]]: [[MAC|3c:22:fb:9a:10:7e]]""",
    """Agent: Could you confirm your date of birth?
Customer: sure it's the [[DOB|17th of June 1978]]
Agent: Thank you, [[P|Rania Nasrallah]]. And the postcode?
Customer: SW1A 1AA""",
    """[[P|ji-woo baek]] (10:02): who has the vendor contact?
[[P|Haruto Kurosawa]] (10:03): [[P|Aigerim Seitkali]], [[E|aigerim.s@steppe-logistics.kz]], [[PH|+7 701 234 5678]]""",
    """Transcript: "Yeah, it's [[P|Bekzod Tashkentov]], spelled T-A-S-H-K-E-N-T-O-V, and my number is [[PH|+998 90 123 45 67]]." """,
    # ---- bios and profiles
    """[[P|Ruairí Ó Fearghail]] is a marine biologist based in Galway. He studied at Trinity College Dublin and now leads the kelp restoration programme at the Connemara Field Station.""",
    """About the author: [[P|Philippa Wolstenholme]] grew up in Yorkshire, worked for a decade at Marks & Spencer and now writes crime fiction. Her debut, "The Quiet Harbour", was shortlisted for the Dagger award.""",
    """Speaker bio — [[P|Dafydd ap Gruffydd]] is Head of Platform at Cwmni Data Cyf. Before that he spent six years at Morgan Stanley building risk systems.""",
    """[[P|Nikos Papadopoulos]], born [[DOB|12 January 1969]] in Thessaloniki, is a Greek economist who served as an adviser to the Bank of Greece.""",
    """Our new CFO, [[P|Zeynep Yıldırım-Arslan]], joins from Ford Motor Company, where she ran treasury for the European business.""",
    """Meet the team: [[P|Euan MacLeod]] (engineering), [[P|Ailsa Dalgleish]] (design) and [[P|Morag Drummond]] (operations).""",
    """[[P|J. R. Trelawney]] has been a Fellow of the Royal Society since 2015.""",
    """Profile: [[P|Dilnoza Rashidova]] — product manager, Tashkent. Contact: [[E|dilnoza.rashidova@proton.me]]""",
    """Résumé
[[P|SIBUSISO MTHEMBU]]
[[A|18 Jan Smuts Avenue]] · [[PH|+27 82 555 0143]] · [[E|s.mthembu@webmail.co.za]]""",
    # ---- technical / security
    """Incident 2024-0311: brute-force attempts from [[IP|203.0.113.57]] and [[IP|2001:db8:85a3::8a2e:370:7334]] against the VPN gateway. Firmware on the gateway is version 7.2.10.4; no upgrade needed.""",
    """Found hard-coded credentials in config.py:
AWS_ACCESS_KEY_ID = "[[S|{aws}]]"
DB_PASSWORD = "[[S|Qv7!rTz9#mLp]]"
Rotate both and move them to the secrets manager.""",
    """Please revoke this GitHub token immediately: [[S|{ghp}]] — it was pasted into the public issue #4412.""",
    """The Slack bot token ([[S|{slack}]]) is still in the .env file on branch feature/notify.""",
    """Authorization: Bearer [[S|{jwt}]]""",
    """Stripe test config: api key [[S|{apikey}]] (rotate after the demo).""",
    """Wi-Fi for the offsite: network "Lakeside-Guest", password: [[S|heron-Maple-42]]""",
    """Send the 0.05 BTC to [[W|{bc1q}]] and the remainder to [[W|{btc1}]]. Gas refunds go to [[W|{eth}]].""",
    """Cold storage: [[W|{btc3}]]; taproot: [[W|{bc1p}]]. The deposit transaction was {txhash}.""",
    """Device inventory: printer-3F ([[MAC|00-1B-63-84-45-E6]]), router ([[MAC|a4:5e:60:c2:19:0b]]), switch [[MAC|0050.56c0.0008]].""",
    """DNS is at [[IP|192.0.2.53]] and the fallback at [[IP|fe80::1ff:fe23:4567:890a]].""",
    # ---- travel and identity
    """Booking confirmed for [[P|Aurelio Scaglione]], passport [[PP|YA7730219]], flight AZ 609 on 18 June. Seat 23C.""",
    """Traveller details: [[P|Halvard Moen]], Norwegian passport no. [[PP|31795682]], date of birth [[DOB|1984-10-05]].""",
    """For the visa application I need your passport number ([[PP|C4K7Y21M9]]) and the address you'll stay at: [[A|1180 N Quincy St, Suite 210, Arlington, VA 22201]].""",
    """Guest: [[P|Leonie Vermeulen-Janssens]]
Address: [[A|Lindenallee 23, 50968 Köln]]
Phone: [[PH|+49 221 9384 7712]]""",
    """Ship to: [[P|Ignatius Okonkwo]], [[A|12A Market Place, Hexham NE46 1XQ]], tel. [[PH|01434 602 118]]""",
    """Delivery for [[P|Clementine Whitcombe]] at [[A|Am Schlossberg 4b, 79098 Freiburg]] — call [[PH|0761 4589 230]] on arrival.""",
    """Returns address: [[A|77 Harbour View Road, Unit 12, Portsmouth PO2 8AB]]. Customer phone [[PH|07911 123456]].""",
    """Mailing list signup: [[P|Fenella Quigley]], [[E|fenella_q@yahoo.co.uk]], born [[DOB|4/7/1996]].""",
    """My SSN is [[SSN|{ssn2}]] and my wife's is [[SSN|{ssn3}]] — do we need both on the form?""",
    """Contact [[P|Evander Loughnane]] at [[E|evander@loughnane-law.com]] or [[PH|+353 87 123 4567]].""",
    """The claimant, [[P|Perpetua Nakashima]], resides at [[A|350 Fifth Avenue, Apt 7R, New York, NY 10118]] and was born [[DOB|August 19, 1975]].""",
    """Reach Dr. [[P|Hester Dunleavy]] on [[PH|+61 2 9374 4000]] or her mobile [[PH|+61 412 555 019]].""",
    """Call me back at [[PH|415.555.0199]] or [[PH|+1 (212) 736-4400]].""",
    """She gave her number as [[PH|+33 6 12 34 56 78]]; the office line is [[PH|01 42 68 53 00]].""",
    """Office numbers: Milan [[PH|+39 02 8723 4410]], Amsterdam [[PH|+31 20 794 1234]], São Paulo [[PH|+55 11 91234-5678]].""",
    """Tokyo desk: [[PH|+81 3-4578-1200]]. Ask for [[P|Kenji Watanabe]].""",
]

EN_NEG = [
    """Morgan Stanley raised its price target on Ford Motor to $14.50, while Johnson & Johnson slipped 1.2% after the earnings call on 2024-04-16.""",
    """Marks & Spencer and Dell both reported stronger margins this quarter; Dell Technologies now expects revenue of $95.5 billion.""",
    """We stayed in Jackson Heights and took the 7 train to Hudson Yards, then walked down Washington Street to the pier.""",
    """Goldman Sachs, Wells Fargo and Charles Schwab all cut their savings rates last week.""",
    """The brokerage accounts at Fidelity and Charles Schwab were consolidated in March.""",
    """I'd pair the Calvin Klein jacket with Dr. Martens boots and a Ralph Lauren scarf.""",
    """For the gift basket: a bottle of Jack Daniel's, Johnnie Walker Black Label, and a box of Tim Hortons Timbits.""",
    """Procter & Gamble, Ernst & Young and Harley-Davidson were on the list of sponsors.""",
    """Results were compared with the Mann-Whitney U test and survival with Kaplan-Meier curves; Pearson correlation was 0.82.""",
    """Early signs of Parkinson's disease and Alzheimer's disease can overlap; Hodgkin lymphoma is a different condition.""",
    """Our pipeline uses Apache Kafka, Jenkins and Kubernetes 1.29; the Helm chart version is 3.14.2.""",
    """My favourite novels are "Anna Karenina", "Great Expectations" and "The Old Man and the Sea".""",
    """Upgrade the firmware to version 2.4.10.1 and the app to v4.12.3 (build 10.0.19045.3803).""",
    """Order #A-20931-7781 shipped via UPS, tracking 1Z 999 AA1 01 2345 6784; estimated delivery 2024-03-19.""",
    """Invoice INV-2024-004512 for $1,249.99 was issued on 15/03/2024 and is due on 14/04/2024.""",
    """The commit 9fceb02d0ae598e95dc970b74767f19372d61af8 fixed the race; the release tarball's SHA-256 is {sha}.""",
    """Transaction {txhash} confirmed in block 840,112 at 2024-04-20T00:09:27Z.""",
    """The contract was signed on 12 May 1987 and renewed on 1 January 2020.""",
    """Card ending in 4417, **** **** **** 0042 and XXXX-XXXX-XXXX-1881 are masked and safe to display.""",
    """The number {bad_card} fails the Luhn check, so the form rejects it.""",
    """Please replace <NAME>, <EMAIL> and [PHONE] with the customer's details before sending.""",
    """ISBN 978-0-306-40615-7; the reprint has ISBN 9780306406157 and catalogue number 0306-4061.""",
    """Model SM-S928B/DS, serial R5CX21ABCDE, part no. 4012-8888-1881, lot 2291-0457-88.""",
    """The Galaxy S24 Ultra, ThinkPad X1 Carbon Gen 11 and the Ford Mustang Mach-E are on display at Madison Square Garden.""",
    """We met at Victoria Station, had lunch near Carnegie Hall and then took the train to Alice Springs.""",
    """Martin Luther King Jr. Boulevard is closed between Lincoln Park and the Rockefeller Center exit.""",
    """Meeting at 14:30 on 2024-06-11, room 4.12; dial-in code 845 2291 0073#.""",
    """Prices: $19.99, €1.299,00, £1,049 and ¥12,800; discount code SPRING24.""",
    """Thanks, Priya! And say hi to Tom for me.""",
    """The IBAN {bad_iban} has a wrong check digit, so the bank returned it.""",
    """Ticket PROJ-4821 was moved to Done by the release bot at 2024-05-02 17:45:03 UTC.""",
    """Louis Vuitton, Hugo Boss and Estée Lauder shares fell after the announcement.""",
    """Lake Louise and Port Elizabeth are both on the itinerary; the tour ends in Fort Worth.""",
    """Use the Gaussian elimination step, then apply Newton's method and Bayes' theorem.""",
]

ZH = [
    """您好，[[P|阙晓岚]]女士，您的订单已发往[[A|广东省深圳市南山区科技园南路18号2栋1203室]]，收件电话[[PH|138 2471 9063]]。""",
    """联系人：[[P|禚明远]]，手机：[[PH|15902183746]]，邮箱：[[E|zhuo.mingyuan@163.com]]""",
    """请将合同寄给[[P|笪子衿]]，地址：[[A|江苏省南京市鼓楼区中山北路219号3单元502室]]。""",
    """员工[[P|欧阳霁月]]，身份证号码[[ID|{id1}]]，出生日期：[[DOB|1988年6月12日]]。""",
    """我叫[[P|訾一帆]]，护照号[[PP|E58213476]]，下周去东京出差。""",
    """收款人：[[P|郗若曦]]
开户行：中国工商银行北京分行
卡号：[[CC|{unionpay}]]""",
    """[客服] 您好，请问是[[P|宓清和]]先生吗？您的快递单号SF1402879356214已签收。""",
    """尊敬的[[P|覃梓萱]]：您的预约已确认，时间为2024年5月18日上午10点，地点为[[A|北京市朝阳区建国路88号SOHO现代城5号楼1802室]]。""",
    """患者[[P|糜佳琪]]，女，出生于[[DOB|1992年7月8日]]，联系电话[[PH|186-2103-4457]]。""",
    """申请人[[P|蒯文博]]的身份证号为[[ID|{id2}]]，户籍地址为[[A|四川省成都市武侯区人民南路四段27号]]。""",
    """会议纪要：[[P|冼嘉怡]]负责前端，[[P|邝俊杰]]负责后端，[[P|岑雨桐]]负责测试。""",
    """请联系人事部[[P|綦晓东]]经理，电话[[PH|010-6552 9988]]。""",
    """亲，您的包裹将寄往[[A|浙江省杭州市西湖区文三路90号东部软件园1号楼3层]]，收件人[[P|隗欣然]]，请保持电话[[PH|13757120984]]畅通。""",
    """[[P|濮阳子墨]]老师的邮箱是[[E|puyang.zimo@zju.edu.cn]]。""",
    """出差人员：[[P|庹雪松]]，护照号码：[[PP|EA3829105]]，出生日期 [[DOB|1990-03-14]]。""",
    """您好[[P|甘露薇]]，您的银行卡[[CC|{visa}]]已成功绑定。""",
    """租客[[P|逯晨阳]]（身份证[[ID|{id3}]]）承租[[A|上海市浦东新区张杨路500号10楼1001室]]。""",
    """快递员：您好，是[[P|乜思远]]吗？您的外卖放在门口了。""",
    """请[[P|昝一鸣]]同学于周五前提交作业，联系邮箱[[E|zanyiming2001@qq.com]]。""",
    """病历：[[P|晏雨菲]]，[[DOB|2001年2月7日]]出生，身份证[[ID|{id4}]]。""",
    """客户[[P|闵浩然]]的上海办公室电话为[[PH|+86 21 6233 4455]]，深圳办公室为[[PH|0755-86781234]]。""",
    """服务器[[IP|172.16.254.3]]的MAC地址为[[MAC|5C-F9-DD-71-0A-3E]]，请[[P|芮子健]]检查。""",
    """请将款项汇至 [[IB|{de}]]，收款人[[P|骆晓彤]]。""",
    """数据库密码：[[S|Xq8#vLm2!pRz]]，请勿外传。""",
    """我的生日是[[DOB|1986年11月30日]]，我叫[[P|佘嘉宁]]。""",
    """[[P|牟思琪]]和[[P|祁家豪]]将代表公司出席发布会。""",
    """钱包地址：[[W|{eth2}]]，请[[P|詹雨泽]]核对。""",
    """项目经理[[P|单文轩]]的手机号是[[PH|+86 139 1057 6623]]。""",
    """您好，[[P|巫静怡]]，您的退款将退回尾号为8824的银行卡。""",
    """[[P|阮明辉]]先生（出生日期：[[DOB|1979年4月23日]]）已完成体检。""",
    """联系人：[[P|戈一诺]]；地址：[[A|广州市天河区珠江新城华夏路16号富力盈凯广场28楼2801室]]；电话：[[PH|(020) 3888 1234]]。""",
    """学生[[P|靳子萱]]的家长[[P|靳国栋]]来电询问成绩。""",
    """张老师：[[P|殷浩宇]]今天请假，联系电话[[PH|159 0218 3321]]。""",
    """护照号[[PP|G38471926]]的旅客[[P|缪思彤]]请到3号登机口。""",
]

ZH_NEG = [
    """王老吉和加多宝的凉茶之争持续了多年，最终以和解告终。""",
    """李宁体育发布了新款跑鞋，售价￥1,299.00，订单号：20240315001234567。""",
    """周大福和老凤祥的金价今天都上涨了，张小泉剪刀也推出了新品。""",
    """黄河流域今年降水偏多，白云机场T2航站楼的航班受到影响。""",
    """高德地图显示，从温州南站到江南古镇大约需要两个小时。""",
    """软件版本3.2.1.8已发布，修复了钱塘江潮汐数据的显示问题。""",
    """会议时间：2024年3月15日 14:30，地点：第三会议室。""",
    """快递单号SF1402879356214，发票号码04412288，金额￥356.00。""",
    """身份证号{id_bad}的校验位不正确，系统拒绝了申请。""",
    """《红楼梦》和《三国演义》是中国古典四大名著中的两部。""",
    """华为技术有限公司和阿里巴巴集团都在杭州设有研发中心。""",
    """海底捞的服务很周到，老干妈辣酱也卖得很好。""",
    """请在<姓名>和<电话>处填写客户信息后再发送。""",
    """孔子和孟子的思想对东亚文化影响深远。""",
    """这款手机的型号为SM-S9280，序列号R5CX21ABCDE，保修期至2026年1月。""",
    """方正证券和金山软件发布了第一季度财报，营收分别增长12%和8%。""",
]


MARK = re.compile(r"\[\[([A-Z]+)\|(.*?)\]\]", re.S)


def build(raw, lang, rid):
    raw = raw.format(**V)
    text, spans, pos, last = [], [], 0, 0
    for m in MARK.finditer(raw):
        text.append(raw[last:m.start()])
        pos += m.start() - last
        value = m.group(2)
        spans.append({"start": pos, "end": pos + len(value), "type": ALIAS[m.group(1)]})
        text.append(value)
        pos += len(value)
        last = m.end()
    text.append(raw[last:])
    t = "".join(text).strip()
    offset = len("".join(text)) - len("".join(text).lstrip())
    for s in spans:
        s["start"] -= offset
        s["end"] -= offset
    for s in spans:  # sanity: every span must be the intended substring and contain no mark
        assert "[[" not in t[s["start"]:s["end"]]
    assert all(ord(c) < 0x10000 for c in t)
    return {"id": rid, "lang": lang, "text": t, "spans": spans}


def main():
    n = 0
    out = []
    for lang, items in (("en", EN + EN_NEG), ("zh", ZH + ZH_NEG)):
        for raw in items:
            n += 1
            out.append(build(raw, lang, f"p{n:04d}"))
    for rec in out:
        sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
