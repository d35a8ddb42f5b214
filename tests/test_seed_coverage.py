"""Every idea of the seed documents the site was created from is on the site, in the project's own words.

The seeds (five public articles) live outside the repository, in ../shared/seeds, and are not
redistributed with it. IDEAS below records, for each idea, the seed it comes from, the page(s) that
cover it and words those pages must contain. Where the seed files are present, the tests also check
that each is accounted for and that no run of COPIED_RUN words of any seed appears on the site.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.sitebuild import PROJECT

SEEDS = Path(os.environ.get("SEEDS_DIR", PROJECT.parent / "shared" / "seeds"))
COPIED_RUN = 12  # this many consecutive words shared with a seed count as a copied sentence

AWARENESS = "004_3d3bbd77aa3ad4d0.txt"  # what pain medicine is; awareness and career resources
GAP = "000_08fc65a22396e6c0.txt"  # anaesthesia and pain management: similarities, differences, gaps
GUIDE = "001_1e12a77bf414f658.txt"  # a training guide: degree, residency, fellowship, what it teaches
ADVANCED = "002_8b518a3394437440.txt"  # an advanced fellowship: content, preparing, career, challenges
JOURNEY = "003_8162c9eace8a6534.txt"  # a fellowship as a journey: curriculum highlights, the road ahead


@dataclass(frozen=True)
class Idea:
    seed: str
    idea: str
    pages: tuple[str, ...]  # site paths, "" for the home page
    words: tuple[str, ...]  # each must appear on each page (case and spacing ignored)


def idea(seed: str, pages: str, what: str, words: str) -> Idea:
    """pages: site paths separated by spaces; words: phrases separated by " | "."""
    return Idea(seed, what, tuple(pages.split()), tuple(w.strip() for w in words.split("|")))


HOME, PAIN, PATH, ABOUT, GAPS = "/", "pain-medicine/", "pathway/", "about/", "gap-analysis/"
TRACKS, SKILLS, ASSESS = "tracks/", "skills/", "assessment/"

# One idea a line or two: the list reads as a table.
# fmt: off
IDEAS = (
    # -- What pain medicine is ---------------------------------------------------------------------
    idea(AWARENESS, PAIN, "scope: study, prevention, evaluation, treatment, rehabilitation",
         "studies pain | prevent | evaluates | treats | rehabilitates"),
    idea(AWARENESS, PAIN, "pain from a discrete cause: postoperative, malignancy",
         "discrete cause | after surgery | cancer"),
    # The seed calls neuropathic pain primary; ICD-11 (Treede et al., Pain 2019) makes it secondary.
    idea(AWARENESS, PAIN, "pain as the primary problem, in ICD-11's terms: chronic primary and secondary pain",
         "the primary condition | chronic primary pain | chronic secondary pain | neuropathic pain | headache"),
    idea(AWARENESS, PAIN, "evaluation: history and earlier records", "the history | earlier records"),
    idea(AWARENESS, PAIN, "evaluation: laboratory, imaging and electrodiagnostic studies",
         "laboratory | imaging | electrodiagnostic studies"),
    idea(AWARENESS, PAIN, "evaluation: behavioural, social, occupational, avocational factors",
         "behaviour | social life | work | avocational"),
    idea(AWARENESS, PAIN, "evaluation: the specialist's interview and examination",
         "interview and physical examination"),
    idea(AWARENESS, PAIN, "diagnostic central and peripheral neural blockade",
         "centrally | peripherally | blocking a nerve"),
    idea(AWARENESS, PAIN, "diagnostic monitored drug infusions", "by infusion under monitoring"),
    idea(AWARENESS, PAIN, "paediatric and geriatric needs", "children and older adults"),
    idea(AWARENESS, PAIN, "cultural context in the treatment plan", "culture"),
    idea(AWARENESS, PAIN, "consultant to other clinicians", "consultant"),
    idea(AWARENESS, PAIN, "principal treating clinician", "principal treating clinician"),
    idea(AWARENESS, PAIN, "levels of care: direct treatment, prescribing medicines and rehabilitation",
         "treating patients directly | prescribing medicines | prescribing rehabilitation"),
    idea(AWARENESS, PAIN, "levels of care: procedures, counselling patients and families",
         "performing procedures | counselling patients and their families"),
    idea(AWARENESS, PAIN, "levels of care: directing an MDT, coordinating care",
         "leading a multidisciplinary team | coordinating care"),
    idea(AWARENESS, PAIN, "levels of care: advising public and private agencies", "public and private organisations"),
    idea(AWARENESS, PAIN, "various settings; the whole range of pain", "whole range of pain | private practice"),
    idea(AWARENESS, PAIN, "specialties pain physicians come from",
         "anaesthesiology | neurosurgery | family medicine | orthopaedics | physical medicine and rehabilitation | internal medicine | oncology | neurology | psychiatry | emergency medicine"),
    idea(AWARENESS, PAIN, "the pain care team",
         "nurse practitioners | physician assistants | psychologists | physical therapists | nurses | occupational therapists"),
    idea(AWARENESS, PAIN, "societies aim to improve the health of people in pain; a public health problem",
         "public health problem | advancing the specialty"),
    idea(AWARENESS, PAIN, "public awareness: September is Pain Awareness Month", "September | Pain Awareness Month"),
    idea(AWARENESS, PAIN, "awareness emblem: patients' voices, access to research, treatment and care, funding",
         "emblem | patients, survivors and carers | access to research, treatment and care | funding"),
    idea(AWARENESS, PAIN, "patient resources from societies", "resources for patients"),
    idea(AWARENESS, PAIN, "career centres: job boards, searchable profiles, alerts",
         "career services | job boards | profiles | alerts"),
    idea(AWARENESS, PAIN, "societies welcome the whole care team", "whole pain care team"),
    idea(AWARENESS, PAIN, "society journals", "journals"),
    # -- Anaesthesia and pain medicine ---------------------------------------------------------------
    idea(GAP, PAIN, "both specialties control pain", "both specialties relieve pain"),
    idea(GAP, PAIN, "anaesthesia: perioperative care, temporary relief", "around surgery | temporary"),
    idea(GAP, PAIN, "pain medicine: a broader, evolving subspecialty of chronic pain, cancer pain, interventions",
         "broader, still-developing subspecialty | chronic pain, cancer pain and interventional therapies"),
    idea(GAP, GAPS, "understand similarities, find the gaps, learn new skills", "what carries over and what is new"),
    # The seed defines chronic pain by healing time; IASP and ICD-11 define it by duration.
    idea(GAP, PAIN, "chronic pain persists beyond healing, defined by IASP and ICD-11 as more than 3 months",
         "persists or recurs for longer than 3 months | after tissues have healed"),
    idea(GAP, PAIN, "chronic pain conditions: low back pain, neuropathic pain, CRPS, cancer pain",
         "low back | neuropathic pain | complex regional pain syndrome | pain in people with cancer"),
    idea(GAP, PAIN, "long-term care and follow-up", "follows patients for months or years"),
    idea(GAP, PATH, "anaesthesiologists start well placed: dexterity, pharmacology, crisis handling",
         "place needles precisely | pharmacology of analgesics | stay calm when a patient deteriorates"),
    idea(GAP, PATH, "with focused training they move into full pain practice", "focused further training"),
    idea(GAP, PATH, "evidence: NBEMS guidance, Cochrane reviews, pain society recommendations",
         "NBEMS | Cochrane reviews | recommendations of pain societies"),
    idea(GAP, ABOUT, "the academy's vision: structured training bridging anaesthesia and pain medicine",
         "structured training that bridges anaesthesia practice and advanced pain medicine | specialists from other fields"),
    # -- The gap analysis, from data (key words only, so that faculty may reword the records) ----------
    idea(GAP, GAPS, "shared foundation: nociception, neural pathways, analgesics, sedatives, adjuvants",
         "nociception | neural pathways | analgesics | sedatives | adjuvants"),
    idea(GAP, GAPS, "needle-based, sterile, image-guided skills carry over",
         "needle | sterile technique | ultrasound-guided"),
    idea(GAP, GAPS, "acute pain control: postoperative pain, epidurals, nerve blocks, PCA",
         "postoperative pain | epidurals | nerve blocks | patient-controlled analgesia"),
    idea(GAP, GAPS, "crisis and airway management in high-risk cervical and sympathetic blocks",
         "airway | high-risk | cervical | sympathetic blocks"),
    idea(GAP, GAPS, "chronic pain persists beyond healing (longer than 3 months)",
         "longer than 3 months | healed | low back pain | neuropathic pain | complex regional pain syndrome | cancer pain"),
    idea(GAP, GAPS, "ultrasound and fluoroscopy beyond anaesthesia residency", "fluoroscopy | sonoanatomy | residency"),
    idea(GAP, GAPS, "interventional techniques beyond the epidural",
         "radiofrequency ablation | sympathetic blocks | neuromodulation | spinal cord stimulation | platelet-rich plasma"
         " | cell-based therapies | viscosupplementation"),
    idea(GAP, GAPS, "multidisciplinary knowledge", "orthopaedics | rheumatology | neurology | psychiatry | rehabilitation"),
    idea(GAP, GAPS, "long-term relationships and follow-up", "follow-up | months or years"),
    idea(GAP, GAPS, "learn musculoskeletal ultrasound: joints, tendons, peripheral nerves",
         "musculoskeletal | sonoanatomy | joints | tendons | peripheral nerves"),
    idea(GAP, GAPS, "learn fluoroscopy: epidurals, facet joints, sympathetic blocks, RFA",
         "fluoroscopy | epidural | facet joint | sympathetic blocks | radiofrequency ablation"),
    idea(GAP, GAPS, "learn chronic pain assessment: history, mechanism, validated scales",
         "structured history | nociceptive | neuropathic | nociplastic | validated"),
    idea(GAP, GAPS, "learn pharmacology beyond the theatre",
         "gabapentinoids | antidepressants | long-term opioids | cancer-pain pharmacology"),
    idea(GAP, GAPS, "learn cancer and palliative care: opioid rotation, neurolytic blocks",
         "opioid rotation | neurolytic | palliative"),
    idea(GAP, f"{GAPS} {SKILLS}", "regenerative and orthobiologic therapies", "platelet-rich plasma | viscosupplementation"),
    idea(GAP, GAPS, "research and evidence-based practice", "cochrane reviews | recommendations"),
    # -- The academy's tracks, from data -------------------------------------------------------------------
    idea(GAP, f"{TRACKS} tracks/fel-us-6m/", "a 6-month fellowship in ultrasound-guided pain procedures",
         "fellowship in ultrasound-guided pain procedures"),
    idea(GAP, f"{TRACKS} tracks/fel-pm-1y/", "a 1-year fellowship in pain medicine with ultrasound and fluoroscopy",
         "fellowship in pain medicine (ultrasound and fluoroscopy)"),
    idea(GAP, f"{TRACKS} tracks/ws-hands-on/", "hands-on workshops in small groups", "hands-on small-group workshops"),
    idea(GAP, f"{TRACKS} tracks/exam-fipp/ {ASSESS}", "exam preparation for FIPP", "FIPP"),
    idea(GAP, f"{TRACKS} tracks/exam-cips/ {ASSESS}", "exam preparation for CIPS", "CIPS"),
    idea(ADVANCED, "tracks/fel-pm-1y/", "a fellowship's rotations: neurology, palliative care, rehabilitation",
         "neurology | palliative care | physical medicine and rehabilitation"),
    idea(ADVANCED, "tracks/fel-pm-1y/ tracks/fel-us-6m/", "didactics, research and collaboration in each fellowship",
         "journal club | research | psychologists"),
    idea(AWARENESS, SKILLS, "monitored drug infusions as a skill", "monitored intravenous drug infusions"),
    idea(AWARENESS, SKILLS, "children, older people and culture in assessment",
         "children, older people and across cultures"),
    # -- The training pathway ------------------------------------------------------------------------
    idea(GUIDE, PATH, "growing need for well-trained pain specialists", "need for well-trained pain specialists"),
    idea(GUIDE, PATH, "medical degree after earlier university study; anatomy, physiology, disease",
         "medical degree | earlier university study | anatomy, physiology and disease"),
    idea(GUIDE, PATH, "residency in anaesthesiology, neurology, PM&R or psychiatry",
         "residency | anaesthesiology | neurology | physical medicine and rehabilitation | psychiatry"),
    idea(GUIDE, PATH, "fellowship of one to two years, hands-on", "one to two years | hands-on"),
    idea(GUIDE, PATH, "diagnosis: acute versus chronic, causes, tools, individual plans",
         "telling acute from chronic pain | diagnostic tools | plan made for that person"),
    idea(GUIDE, PATH, "procedures interrupt pain signals; mentorship",
         "interrupt or modulate pain signals | mentorship"),
    idea(GUIDE, PATH, "medicines: analgesics, anti-inflammatories, adjuvants; benefits against risks",
         "analgesics | anti-inflammatory drugs | adjuvants | weighing relief against side effects"),
    idea(GUIDE, PATH, "interdisciplinary work with physiotherapists, psychologists, surgeons",
         "psychologists | physiotherapists | surgeons"),
    idea(GUIDE, PATH, "communication: trust, educating patients, shared decisions",
         "trust | explaining their condition | sharing decisions"),
    idea(GUIDE, PATH, "compassion and empathy build therapeutic relationships", "empathy | therapeutic relationship"),
    idea(GUIDE, PATH, "learning continues through a career", "learning that continues for a whole career"),
    # -- What a fellowship develops --------------------------------------------------------------------
    idea(ADVANCED, PAIN, "pain is subjective and biological, psychological and social",
         "personal experience | biological, a psychological and a social problem"),
    idea(ADVANCED, PATH, "interventional procedures incl. nerve blocks and spinal cord stimulation",
         "nerve blocks | spinal cord stimulation"),
    idea(ADVANCED, PATH, "opioid stewardship", "opioid stewardship"),
    idea(ADVANCED, PAIN, "challenging cases such as chronic neuropathic pain and CRPS", "neuropathic pain | CRPS"),
    idea(ADVANCED, PATH, "rotations: anaesthesiology, neurology, palliative care, rehabilitation",
         "clinical rotations | palliative care | rehabilitation medicine"),
    idea(ADVANCED, PATH, "procedural training: ultrasound-guided injections, RFA, implantable devices",
         "radiofrequency ablation | implantable devices | ultrasound"),
    idea(ADVANCED, PATH, "didactics: lectures, case discussions, journal clubs",
         "lectures, case discussions and journal clubs"),
    idea(ADVANCED, PATH, "research projects", "a research project"),
    idea(ADVANCED, PATH, "working with psychologists, physiotherapists, social workers", "social workers"),
    idea(ADVANCED, PATH, "prepare: strengthen your foundation",
         "strengthen your foundation | basic principles of pain management"),
    idea(ADVANCED, PATH, "choose an accredited programme, mentorship, reputation of faculty",
         "accredited programme | mentorship | standing of the institution"),
    idea(ADVANCED, PATH, "gain preliminary procedural experience", "gain procedural exposure | confidence"),
    idea(ADVANCED, PATH, "the application: experience, research, motivation, letters, career plan",
         "clinical experience | research interests | why you want to specialise | letters of recommendation | plan for your career"),
    idea(ADVANCED, PATH, "read guidelines and landmark studies; useful at interview",
         "guidelines | landmark studies | at interview"),
    idea(ADVANCED, PATH, "fellowship places are competitive", "competitive"),
    idea(ADVANCED, PATH, "career: clinical expertise with complex cases", "clinical expertise | complex pain problems"),
    idea(ADVANCED, PATH, "career: leading pain services and multidisciplinary teams",
         "running a pain service | leading a multidisciplinary team | best practice"),
    idea(ADVANCED, PATH, "career: academic and research roles, teaching", "academic and research roles | teaching"),
    idea(ADVANCED, PATH, "career: better outcomes and quality of life", "better pain control | quality of life"),
    idea(ADVANCED, PATH, "career: networks and collaborations worldwide", "networks | abroad | joint projects"),
    idea(ADVANCED, PATH, "challenge: workload and time management; mentors", "workload | plan your time | mentors"),
    idea(ADVANCED, PATH, "challenge: emotional toll; self-care and peer support",
         "emotional toll | look after yourself | peer support"),
    idea(ADVANCED, PATH, "challenge: rapid advances; continuous learning", "fast-moving field | continuous learning"),
    idea(ADVANCED, PATH, "challenge: technical skill needs repetition and persistence", "repetitions | persistence"),
    idea(ADVANCED, PATH, "resilience and a positive mindset", "resilience | positive outlook"),
    idea(ADVANCED, PAIN, "understanding the patient's experience, not only symptoms",
         "more than quieting a symptom | what the pain means"),
    # -- The fellowship as a journey ---------------------------------------------------------------------
    idea(JOURNEY, PATH, "a postgraduate step bridging general training and pain expertise", "postgraduate step"),
    idea(JOURNEY, PATH, "goal: diagnosis, treatment and care of acute and chronic pain",
         "diagnosing, treating and caring for people with acute and chronic pain"),
    idea(JOURNEY, PATH, "opioid and non-opioid medicines; side effects and addiction risk",
         "opioid and non-opioid | dependence and addiction"),
    idea(JOURNEY, PATH, "research and evidence-based practice; scholarly work", "scholarly work | evidence"),
    idea(JOURNEY, PATH, "mentorship from experienced clinicians", "experienced clinicians act as mentors"),
    idea(JOURNEY, PATH, "holistic, patient-centred care: the whole person", "the whole person"),
    idea(JOURNEY, PATH, "where graduates work: academic institutions, private practice, multidisciplinary clinics",
         "academic institutions | private practice | multidisciplinary pain clinics"),
    # -- The site's own framing, from the seeds as a whole --------------------------------------------------
    idea(GAP, f"{HOME} {ABOUT}", "the site is a curriculum, not clinical guidance", "not clinical guidance"),
)
# fmt: on
# fmt: on


def page_text(html: Path) -> str:
    """The words of a page's content, lower-cased, with runs of white space collapsed."""
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    content = soup.select_one("article") or soup.body
    return " ".join(content.get_text(" ").replace("’", "'").split()).lower()


@pytest.fixture(scope="module")
def texts(built_site) -> dict[str, str]:
    """The text of every built page, by site path ("/" for the home page)."""
    texts = {}
    for html in built_site.rglob("index.html"):
        folder = html.parent.relative_to(built_site).as_posix()
        texts["/" if folder == "." else f"/{folder}/"] = page_text(html)
    return texts


@pytest.mark.parametrize("idea", IDEAS, ids=lambda i: i.idea[:60])
def test_idea_is_on_its_pages(idea, texts):
    for page in idea.pages:
        text = texts.get("/" + page.lstrip("/"))
        assert text is not None, f"no page {page} (for '{idea.idea}')"
        missing = [w for w in idea.words if " ".join(w.lower().split()) not in text]
        assert not missing, f"{page} should cover '{idea.idea}' (from {idea.seed}) but lacks {missing}"


def seed_files() -> list[Path]:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed documents are not in {SEEDS} (set SEEDS_DIR to check them)")
    return sorted(SEEDS.glob("*.txt"))


def test_every_seed_has_its_ideas_listed():
    assert {f.name for f in seed_files()} == {i.seed for i in IDEAS}


# Spelling is made uniform on both sides, so that a sentence copied with only its spelling changed
# (anesthesia/anaesthesia, center/centre, counseling/counselling, -ize/-ise) still counts as copied.
SPELLING = (
    (re.compile(r"ae"), "e"),
    (re.compile(r"ll"), "l"),
    (re.compile(r"our\b"), "or"),
    (re.compile(r"tre\b"), "ter"),
    (re.compile(r"is(e|ed|es|ing|ation|ations)\b"), r"iz\1"),
)


def words(text: str) -> list[str]:
    found = re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))
    for pattern, replacement in SPELLING:
        found = [pattern.sub(replacement, word) for word in found]
    return found


def runs(text: str) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + COPIED_RUN]) for i in range(len(w) - COPIED_RUN + 1)}


def test_no_sentence_of_a_seed_is_copied(built_site):
    seeds = {f.name: runs(f.read_text(encoding="utf-8")) for f in seed_files()}
    copied = []
    for html in sorted(built_site.rglob("*.html")):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for hidden in soup.select("script, style"):
            hidden.decompose()
        on_page = runs(soup.get_text(" "))
        copied += [
            f"{html.relative_to(built_site)} copies {name}: {' '.join(run)!r}"
            for name, seed in seeds.items()
            for run in on_page & seed
        ]
    assert not copied, "\n".join(copied)


def test_the_copy_check_catches_a_copied_sentence():
    seed = "Pain physicians and their team members may serve as consultants to other healthcare providers."
    copied = "Intro. PAIN PHYSICIANS AND THEIR TEAM MEMBERS MAY SERVE AS CONSULTANTS TO OTHER HEALTHCARE PROVIDERS!"
    reworded = "Pain physicians may act as consultants, advising the clinicians who refer patients."
    assert runs(seed) & runs(copied)
    assert not runs(seed) & runs(reworded)
    assert words("Anaesthesiologists counselling at the centre") == words("anesthesiologists counseling at the center")
