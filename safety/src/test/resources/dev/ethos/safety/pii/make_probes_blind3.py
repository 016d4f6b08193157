#!/usr/bin/env python3
"""Writes probes_blind3.jsonl: the third blind PII probe set (30 English records: 25 with names, 5 without PII).

Written before any change to the detector and without reading its gazetteers. The names are
invented romanisations from four naming traditions the earlier sets barely touched: Korean (in
family-first "Kim Min-jun" and given-first "Min-jun Kim" order, hyphenated given names), Japanese
(given-first and family-first), Ethiopian (given name + father's name, Ge'ez-derived spellings) and
Indonesian (two-part Javanese/Sundanese names). They sit in ordinary sentences, some with a cue
(Dr., "Contact:", "said"), some without. The five PII-free records are hard negatives: place,
company, dish and product names from the same countries, capitalised like names.

Gold spans are computed from inline marks [[TYPE|value]] by make_probes.build. Reproducible:
python3 make_probes_blind3.py > probes_blind3.jsonl
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_probes as mp  # noqa: E402

RECORDS = [
    # Korean
    "Kim Min-jun presented the quarterly logistics figures to the board.",
    "Please forward the signed lease to Park Seo-yeon before Thursday.",
    "The keynote was delivered by Ji-hoon Lee, who leads the robotics lab.",
    "Contact: Choi Yoo-jin, Seoul office",
    "Our new intern, Da-eun Kang, starts on Monday in the finance team.",
    "Yoon Seung-ho and Han Soo-ah reviewed the translation together.",
    "Dr. Jung Hae-won confirmed the test results were normal.",
    # Japanese
    "Haruto Takahashi joined the call ten minutes late.",
    "I asked Yui Nakamura whether the shipment had cleared customs.",
    "Minutes taken by Kenji Watanabe.",
    "The design was approved by Aiko Matsumoto and Ryota Fujiwara.",
    "Ms. Sakura Inoue will host the workshop in Osaka.",
    "Watanabe Daichi signed for the parcel at reception.",
    # Ethiopian
    "Abebe Bekele ran the field survey in the highlands last spring.",
    "Tigist Haile said the clinic needs two more nurses.",
    "Send the invoice to Dawit Mengistu at the Addis Ababa branch.",
    "Selamawit Tesfaye and Yonas Gebremedhin co-authored the report.",
    "Regards,\nHirut Alemu\nProgramme Officer",
    "The scholarship went to Meseret Woldemariam this year.",
    # Indonesian
    "Budi Santoso will lead the training session in Surabaya.",
    "Thanks to Siti Rahmawati for organising the volunteers.",
    "Agus Setiawan reported a leak in the warehouse roof.",
    "The contract was drafted by Dewi Lestari and checked by Rizky Pratama.",
    "Assigned to: Putri Wulandari",
    "Pak Eko Prasetyo approved the budget on Friday.",
]
NEG = [
    "Incheon Airport and Busan Port handled most of the Hyundai Glovis cargo this quarter.",
    "The Osaka Castle tour includes a pickup at Kyoto Station and lunch in Gion.",
    "Bole International Airport in Addis Ababa opened a new Ethiopian Airlines lounge.",
    "Bank Mandiri and Garuda Indonesia signed the agreement in Jakarta Selatan.",
    "Nasi Goreng, Bibimbap and Doro Wat are on the Friday menu at Sakura Garden.",
]

# Which words are names: every record above holds these names, marked here so the gold spans are exact.
NAMES = [
    "Kim Min-jun", "Park Seo-yeon", "Ji-hoon Lee", "Choi Yoo-jin", "Da-eun Kang", "Yoon Seung-ho", "Han Soo-ah",
    "Jung Hae-won", "Haruto Takahashi", "Yui Nakamura", "Kenji Watanabe", "Aiko Matsumoto", "Ryota Fujiwara",
    "Sakura Inoue", "Watanabe Daichi", "Abebe Bekele", "Tigist Haile", "Dawit Mengistu", "Selamawit Tesfaye",
    "Yonas Gebremedhin", "Hirut Alemu", "Meseret Woldemariam", "Budi Santoso", "Siti Rahmawati", "Agus Setiawan",
    "Dewi Lestari", "Rizky Pratama", "Putri Wulandari", "Eko Prasetyo",
]


def mark(raw):
    for name in NAMES:
        raw = raw.replace(name, "[[P|" + name + "]]")
    return raw


def main():
    out = []
    for k, raw in enumerate(RECORDS + NEG, 1):
        rec = mp.build(mark(raw), "en", f"k{k:04d}")
        out.append(rec)
    assert sum(len(r["spans"]) for r in out) == len(NAMES)
    for rec in out:
        sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
