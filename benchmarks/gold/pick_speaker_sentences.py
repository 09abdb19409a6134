"""Pick five real news pages and sample 60 sentences for speakers_real_pages.csv.

Reads only the Scrapinghub article-extraction ground truth and prints the sampled
sentences (tab-separated: page, host, sentence_no, pool, text). The labels in
speakers_real_pages.csv were written by hand; this script does not guess them.

Usage: python3 pick_speaker_sentences.py [path/to/ground-truth.json]
"""
import json
import random
import re
import sys
from urllib.parse import urlparse

GT = sys.argv[1] if len(sys.argv) > 1 else '/work/shared/data/extraction/ground-truth.json'

# Pages judged by reading (text and URL) not to be English news reporting.
NOT_NEWS = {
    '0e014df693f1': 'sponsored personal blog post',
    '11ea381ad92b': 'Portuguese standings table',
    '1f765c487806': 'opinion column (Sputnik "columnists")',
    '21486419bb10': 'Indonesian religious blog',
    '23aaecd14171': 'Portuguese blog interview',
    '287e4d9f4af3': 'shopping-deals list',
}

# Sentence splitting: paragraphs (lines), then a boundary after . ? ! (and any closing
# quote/bracket) followed by whitespace and a capital, digit or opening quote.
ABBR = {'U.S.', 'U.K.', 'U.N.', 'E.U.', 'D.C.', 'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Gov.', 'Sen.',
        'Rep.', 'St.', 'Jr.', 'Sr.', 'Gen.', 'Lt.', 'Col.', 'Capt.', 'Sgt.', 'Prof.', 'Inc.',
        'Corp.', 'Co.', 'Ltd.', 'No.', 'vs.', 'a.m.', 'p.m.', 'Ave.', 'Mt.', 'Ft.', 'Jan.',
        'Feb.', 'Aug.', 'Sep.', 'Sept.', 'Oct.', 'Nov.', 'Dec.',
        'ID.'}  # Volkswagen's model name "ID. Space Vizzion"
BOUND = re.compile(r'(?<=[.?!])["”’)\]]*(?=\s+["“‘A-Z0-9])')
# Hand fixes: a fragment listed here is joined to the sentence before it.
JOIN = {
    '156770d676ce': {'It.', 'OUT,” Noem tweeted Monday night.'},  # "We are here to Get. It. OUT"
}

REPORTING = re.compile(
    r"\b(say|says|said|saying|tell|tells|told|telling|according to|announce|announces|announced|"
    r"announcing|adds|added|adding|wrote|writes|written|report|reports|reported|reporting|"
    r"reportedly|claim|claims|claimed|claiming|deny|denies|denied|denying|warn|warns|warned|"
    r"stated|explain|explains|explained|explaining|noted|notes|noting|confirm|confirms|confirmed|"
    r"confirming|insist|insists|insisted|insisting|argue|argues|argued|arguing|tweeted|"
    r"acknowledge|acknowledges|acknowledged|admit|admits|admitted|admitting|reveal|reveals|"
    r"revealed|declare|declares|declared|declaring|testify|testifies|testified|quipped)\b", re.I)
QUOTE = re.compile(r'["“”]')


def split(key, body):
    spans = []
    for m in re.finditer(r'[^\n]+', body):
        para, base, start = m.group(), m.start(), 0
        for b in BOUND.finditer(para):
            frag = para[start:b.end()].split()
            last = frag[-1].rstrip('"”’)]') if frag else ''
            if last in ABBR or re.fullmatch(r'[A-Z]\.', last):
                continue
            spans.append((base + start, base + b.end()))
            start = b.end()
        spans.append((base + start, base + len(para)))
    sents = []  # (start, end) of stripped text
    for s, e in spans:
        t = body[s:e]
        s2 = s + len(t) - len(t.lstrip())
        e2 = e - (len(t) - len(t.rstrip()))
        if e2 <= s2:
            continue
        if sents and body[s2:e2] in JOIN.get(key[:12], ()):
            sents[-1] = (sents[-1][0], e2)
        else:
            sents.append((s2, e2))
    return [body[s:e] for s, e in sents]


def is_heading(t):
    """A section heading (all capitals, no final punctuation): not sampled."""
    return t.upper() == t and not t.endswith(('.', '?', '!', '"', '”', ':'))


def main():
    gt = json.load(open(GT, encoding='utf-8'))
    chosen = []
    for key in sorted(gt):
        if len(chosen) == 5:
            break
        body, url = gt[key]['articleBody'], gt[key]['url']
        sents = split(key, body)
        n_rep = sum(1 for t in sents if REPORTING.search(t))
        if key[:12] in NOT_NEWS:
            print(f'# skip {key[:12]} {urlparse(url).hostname}: {NOT_NEWS[key[:12]]}')
        elif n_rep < 8:
            print(f'# skip {key[:12]} {urlparse(url).hostname}: only {n_rep} sentences with a reporting expression')
        else:
            print(f'# keep {key[:12]} {urlparse(url).hostname}: {n_rep} of {len(sents)} sentences with a reporting expression')
            chosen.append((key, url, sents))

    rng = random.Random(2026)
    for key, url, sents in chosen:
        body = gt[key]['articleBody']
        numbered = [(i, t) for i, t in enumerate(sents, 1) if not is_heading(t)]
        rep = [(i, t) for i, t in numbered if REPORTING.search(t) or QUOTE.search(t)]
        rest = [(i, t) for i, t in numbered if not (REPORTING.search(t) or QUOTE.search(t))]
        picked = [(i, t, 'reporting') for i, t in rng.sample(rep, 8)]
        picked += [(i, t, 'rest') for i, t in rng.sample(rest, 4)]
        for i, t, pool in sorted(picked):
            assert body.find(t) >= 0
            print('\t'.join([key[:12], urlparse(url).hostname, str(i), pool, t]))


if __name__ == '__main__':
    main()
