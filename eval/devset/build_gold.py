"""Build gold.json for the second development set: python3 build_gold.py > gold.json
Reads the five articles from ./articles beside this file. Every quote must occur exactly once in
its article; spans are UTF-8 byte offsets (end exclusive). Same format as
/work/shared/eval/build_seed_gold.py (see that README for the relation decision table)."""
import json, glob, os, sys
ARTICLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "articles")
docs = {}
for f in sorted(glob.glob(os.path.join(ARTICLES, "*.txt"))):
    docs[os.path.basename(f)[:3]] = (os.path.basename(f), open(f, encoding='utf-8').read())

# Each cluster: one claim stated by two or more sources. relation: agree | compatible | differ
C = [
 ("explosion-when", "An explosion and fire hit the Hemikol paint factory in Belovac, central Serbia, on Tuesday night", "differ",
  [("000","An explosion ripped through a paint and solvent factory in central Serbia late on Tuesday"),
   ("001","when an explosion tore through a paint factory in central Serbia on Tuesday night"),
   ("002","when an explosion and fire destroyed the solvent hall of the Hemikol paint factory in the Northern Industrial Zone on Tuesday, 14 October, at about 22:10"),
   ("003","when an explosion tore through a paint and solvents factory in the central Serbian town of Belovac late on Tuesday"),
   ("004","after a huge explosion and fire at a paint factory in Serbia on Monday night")],
  "004 says Monday night; 000, 001, 002 and 003 say Tuesday (002: Tuesday 14 October, 22:10): differ. "
  "'late on Tuesday' / 'Tuesday night' / '22:10' only differ in precision"),
 ("three-dead", "Three workers were killed", "agree",
  [("000","killing three workers"),
   ("001","NEW: Three workers killed, 27 hurt in explosion at Hemikol plant in Belovac"),
   ("001","Three workers were killed and 27 people injured"),
   ("002","Three workers lost their lives"),
   ("003","Three workers were killed and 25 injured"),
   ("004","Three people have died"),
   ("004","the three workers who died")],
  "004's lead says 'people', later 'workers'"),
 ("injured-count", "How many people were injured", "differ",
  [("000","injuring 27 others"),
   ("001","NEW: Three workers killed, 27 hurt in explosion at Hemikol plant in Belovac"),
   ("001","Three workers were killed and 27 people injured"),
   ("002","27 people were injured"),
   ("003","Three workers were killed and 25 injured"),
   ("004","Dozens more were hurt")],
  "000, 001, 002 say 27; 003 (citing the health ministry) says 25: differ. 004's 'dozens' fits either"),
 ("five-serious", "Five of the injured are in serious condition", "agree",
  [("000","Five of the injured were in serious condition"),
   ("002","five are in serious condition")],
  "000 cites a hospital spokeswoman, 002 the hospital director"),
 ("night-shift", "How many workers were on the night shift", "compatible",
  [("000","About 40 workers were on the night shift"),
   ("002","There were 42 employees on the night shift")],
  "'about 40' / '42': compatible, 000 is less precise"),
 ("evacuated", "Residents living near the plant were evacuated overnight", "compatible",
  [("000","forced police to evacuate some 300 residents from nearby streets"),
   ("001","About 300 residents spend the night in a sports hall"),
   ("001","About 300 people living in streets next to the plant were moved to a sports hall for the night"),
   ("002","The municipality said 312 residents of Radnička, Vojvode Mišića and Brdska streets were evacuated to the “Partizan” sports hall"),
   ("004","hundreds of people living near the factory had to leave their homes overnight")],
  "'some 300' / 'about 300' / 'hundreds' / '312': compatible, 002 is the precise count. "
  "The May flood evacuation (001, 004) is another occasion: not in this claim"),
 ("residents-return", "Evacuated residents were allowed home on Wednesday afternoon", "agree",
  [("001","They were allowed to return home on Wednesday afternoon"),
   ("002","All were allowed to go home on Wednesday afternoon")], ""),
 ("firefighters", "How many firefighters fought the blaze", "compatible",
  [("001","Around 80 firefighters from Belovac and nearby towns battled the blaze through the night"),
   ("002","The fire was fought by 83 firefighters with 24 vehicles"),
   ("003","More than 80 firefighters fought through the night to contain the blaze")],
  "'around 80' / 'more than 80' / '83': compatible"),
 ("under-control", "The fire was brought under control early on Wednesday", "agree",
  [("000","The fire is under control and there is no danger to the citizens"),
   ("000","Firefighters brought the blaze under control early on Wednesday"),
   ("001","The fire is under control and there is no danger to the citizens"),
   ("002","the flames were brought under control at about 4 a.m. on Wednesday"),
   ("003","which was brought under control in the early hours of Wednesday"),
   ("004","Firefighters worked through the night and said the following morning that the fire was under control")],
  "004 gives a relative time ('the following morning') against the others' Wednesday: typed difference, not a change of relation. "
  "Who said the quoted words is the claim quote-under-control"),
 ("quote-under-control", "\"The fire is under control and there is no danger to the citizens\": who said it", "differ",
  [("000","\"The fire is under control and there is no danger to the citizens,\" Belovac Mayor Aleksandar Jovanovic told reporters at the scene early on Wednesday."),
   ("001","\"The fire is under control and there is no danger to the citizens,\" fire chief Djordje Stankovic told ENTV on Wednesday morning.")],
  "the same words put in different mouths: the mayor (000) / the fire chief (001)"),
 ("thinner-tanks", "Firefighters kept the flames from reaching the tanks of thinners", "agree",
  [("000","crews had worked through the night to stop the flames from reaching tanks holding several tonnes of flammable thinners"),
   ("001","Fire chief says crews kept flames away from tanks of thinners"),
   ("001","Stankovich said his crews had managed to keep the fire away from a row of tanks filled with thinners"),
   ("003","a larger catastrophe had been avoided because the fire had not reached the main tanks of thinners")], ""),
 ("cause-solvent-leak", "A leak in a solvent storage tank (probably) caused the explosion", "agree",
  [("000","Investigators said the explosion may have been caused by a leak in a solvent storage tank"),
   ("002","Firefighters say a leaking solvent tank caused the explosion"),
   ("003","the local fire service said it suspected a leak from a solvent storage tank")],
  "hedging differs (000 'may have been', 003 'suspected', 002 states it outright): typed difference, relation unchanged"),
 ("investigation", "Prosecutors have opened an investigation", "agree",
  [("000","The public prosecutor's office in Belovac said it had opened an investigation"),
   ("001","Prosecutors open investigation; cause not yet known"),
   ("001","Prosecutors have opened an investigation."),
   ("002","Higher Public Prosecutor Jelena Marković ordered an investigation"),
   ("003","Prosecutors in Belovac have launched an investigation into the accident"),
   ("004","Prosecutors are investigating what caused the blast")], ""),
 ("air-safe", "Air measurements found no dangerous levels of toxic substances", "agree",
  [("000","Environmental inspectors who took air samples overnight found no dangerous concentrations of toxic substances"),
   ("001","Environmental officials said air measurements showed no dangerous levels of pollutants"),
   ("002","environmental inspectors found no dangerous concentrations of harmful substances in the air"),
   ("003","Serbia’s environmental protection agency said measurements taken around the site had shown no harmful levels of pollution"),
   ("004","Local officials said there was no danger from the smoke")], ""),
 ("windows-closed", "Residents are advised to keep their windows closed", "agree",
  [("000","He urged residents to keep their windows closed as a precaution"),
   ("004","advised people to keep windows shut")],
  "001's advice that people with breathing problems stay indoors is another piece of advice: not in this claim"),
 ("day-of-mourning", "Thursday is a day of mourning in Belovac", "agree",
  [("000","Thursday was declared a day of mourning in the town."),
   ("001","will observe a day of mourning on Thursday"),
   ("002","declared Thursday a day of mourning in Belovac"),
   ("004","Thursday has been declared a day of mourning")],
  "002 says the mayor declared it; the others do not say who"),
 ("help-families", "The town will help the victims' families", "agree",
  [("002","Mayor Aleksandar Jovanović said the town would help the families of the victims"),
   ("004","The town will help the families of the three workers who died, the mayor added")], ""),
 ("schools-closed", "Schools in Belovac were closed on Wednesday", "agree",
  [("002","Schools in the town were closed on Wednesday."),
   ("003","prompted authorities to close schools on Wednesday as a precaution")], ""),
 ("director-quote", "The director's words: the dead were the staff's colleagues and friends", "differ",
  [("002","“We are heartbroken. These people were our colleagues and our friends,” Hemikol director Goran Marković said on Wednesday morning."),
   ("003","The company’s director, Goran Markovic, said in a statement: “We are devastated. These were our colleagues and friends, and our thoughts are with their families.”")],
  "one direct quote worded differently ('heartbroken' / 'devastated'; 003 adds a clause): differ. Also a spelling variant of the name"),
 ("production-halted", "Production is suspended until the investigation is over", "agree",
  [("000","Company spokesman Aleksandar Ilic said production would stay suspended until the investigation was complete"),
   ("002","Production may be halted until investigators finish their work, the company said")],
  "hedging: 000 'would', 002 'may': typed difference, relation unchanged"),
 ("earlier-fire-2021", "There was an earlier, separate fire at the plant, in (March) 2021, with no one hurt", "agree",
  [("002","It is not the first fire at the plant."),
   ("002","In March 2021 a fire broke out in Hemikol’s finished-goods warehouse; it was put out in two hours and no one was injured."),
   ("003","It was the second fire at the plant in four years."),
   ("003","In 2021 a blaze at a Hemikol warehouse was extinguished without casualties.")],
  "same kind, different occasion: must not be merged with the claims about this week's fire (explosion-when, under-control, ...)"),
 ("may-flood-evacuation", "In May, about 200 residents were evacuated from low-lying streets when the Morava flooded", "agree",
  [("001","in May, some 200 residents of low-lying streets were moved out when the Morava river flooded"),
   ("004","in May, floods along the Morava river saw around 200 people evacuated from the lower part of town")],
  "same kind, different occasion: an earlier evacuation, not the one from the fire (evacuated)"),
 ("employs-400", "Hemikol employs about 400 people", "agree",
  [("002","employs some 400 people"),
   ("003","which employs roughly 400 people")], "both approximate the same figure"),
 ("products", "Hemikol makes industrial paints, varnishes and thinners", "agree",
  [("000","a privately owned company that makes industrial paints, varnishes and thinners"),
   ("003","produces industrial paints, varnishes and thinners")], ""),
 ("blast-heard", "The blast was heard about ten kilometres away", "agree",
  [("001","Some said they heard the explosion about 10 kilometers away."),
   ("002","Neighbours said the blast was heard as far as ten kilometres away.")], ""),
]

# Different people the tool must keep apart (shared first names or surnames must not merge them).
DISTINCT = [
 (("000","Aleksandar Jovanovic"), ("000","Aleksandar Ilic")),     # the mayor / the company spokesman
 (("004","Alexander Jovanovic"), ("000","Aleksandar Ilic")),      # first name in another spelling, another man
 (("002","Goran Marković"), ("002","Jelena Marković")),           # the director / the prosecutor
 (("003","Goran Markovic"), ("002","Jelena Marković")),
 (("002","Aleksandar Jovanović"), ("002","Radmila Jovanović")),   # the mayor / a resident
 (("000","Aleksandar Ilic"), ("003","Dragan Ilić")),              # the company spokesman / the union leader
]

# Same person, spelled differently across (or within) sources: the tool should match them and point out the spelling.
VARIANTS = [
 ("Aleksandar Jovanović", [("000","Aleksandar Jovanovic"),("002","Aleksandar Jovanović"),("004","Alexander Jovanovic")]),
 ("Đorđe Stanković", [("000","Djordje Stankovic"),("001","Djordje Stankovic"),("001","Stankovich"),
                      ("002","Đorđe Stanković"),("003","Djordje Stanković")]),
 ("Goran Marković", [("002","Goran Marković"),("003","Goran Markovic")]),
]

out = {"about": "Gold alignment of claims across the five fictional reports of the Hemikol factory explosion (second development set). Each cluster is one claim stated by two or more sources; each mention is a verbatim quote from one article (doc = the article's file name; byte_start/byte_end = the quote's UTF-8 byte span in that file). relation: as the decision table in /work/shared/eval/README.md. Not exhaustive: sentences that no cluster names are unjudged.",
       "docs": {k: v[0] for k, v in docs.items()}, "clusters": [], "name_variants": []}
bad = 0
def check(d, q):
    global bad
    t = docs[d][1]
    n = t.count(q)
    if n != 1:
        print("QUOTE", d, repr(q), "found", n, file=sys.stderr); bad += 1
    i = t.find(q)
    b = len(t[:i].encode("utf-8"))
    return {"doc": docs[d][0], "quote": q, "byte_start": b, "byte_end": b + len(q.encode("utf-8"))}
ids = [c[0] for c in C]
if len(set(ids)) != len(ids):
    print("duplicate cluster id", file=sys.stderr); bad += 1
for cid, label, rel, ms, note in C:
    if rel not in ("agree", "compatible", "differ"):
        print("bad relation", cid, rel, file=sys.stderr); bad += 1
    if len({d for d, _ in ms}) < 2:
        print("cluster", cid, "has quotes from fewer than two articles", file=sys.stderr); bad += 1
    out["clusters"].append({"id": cid, "claim": label, "relation": rel, "note": note,
                            "mentions": [check(d, q) for d, q in ms]})
for name, ms in VARIANTS:
    out["name_variants"].append({"canonical": name, "mentions": [check(d, q) for d, q in ms]})
out["distinct_entities"] = [[check(d, q) for d, q in pair] for pair in DISTINCT]
print(json.dumps(out, indent=1, ensure_ascii=False))
print("clusters", len(C), "mentions", sum(len(c[3]) for c in C), "bad", bad, file=sys.stderr)
sys.exit(1 if bad else 0)
