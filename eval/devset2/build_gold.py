"""Build gold.json for the third development set: python3 build_gold.py > gold.json
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
 ("talks-no-deal", "The second round of talks in Geneva ended on Tuesday without an agreement", "agree",
  [("000","Talks between Ardesia and Kyrvania over a giant dam on the Zeravan river ended on Tuesday without a deal"),
   ("001","as Geneva talks stall"),
   ("001","two days of talks in Geneva ended on Tuesday without a breakthrough"),
   ("002","Geneva talks end without deal"),
   ("002","the second round of talks on the Boztau dam broke up without agreement after two days at the Palais des Nations"),
   ("003","a second round of talks on Kyrvania's giant Boztau dam closed without agreement"),
   ("004","as talks fail"),
   ("004","Talks between Ardesia and Kyrvania over a controversial dam ended without a deal on Tuesday")],
  "'without a deal' / 'without a breakthrough' / 'broke up without agreement' / 'stall' / 'fail': wording only"),
 ("mediator", "The talks were mediated by the UN envoy Ingrid Solheim", "agree",
  [("000","the second round of negotiations mediated by United Nations envoy Ingrid Solheim"),
   ("001","The negotiations were chaired by the UN’s special envoy, Ingrid Solheim"),
   ("002","The UN special envoy, Ingrid Solheim, who mediated the talks"),
   ("003","Ingrid Solheim, the UN special envoy who mediated the two days of talks"),
   ("004","The talks took place in Geneva and were mediated by UN envoy Ingrid Solheim")],
  "'chaired' (001) / 'mediated' (the others). 003's clause sits inside the quote sentence of quote-gap-narrowed"),
 ("new-offer-40", "Kyrvania offers to guarantee Ardesia 40% of the river's flow while the reservoir fills", "agree",
  [("000","to guarantee it 40 percent of the river's flow while the dam's reservoir fills"),
   ("000","let at least 40 percent of the Zeravan's average annual flow pass into Ardesia throughout that period"),
   ("001","had proposed letting 40% of the river’s flow reach Ardesia while the dam’s reservoir is being filled"),
   ("002","Ardesia says no to 40% offer"),
   ("002","Ardesia on Tuesday turned down Kyrvania’s offer of 40% of the Zeravan’s waters"),
   ("002","during which Temirsay would guarantee that 40% of the river’s average annual flow crossed the border at Karaköprü"),
   ("003","Kyrvania offered to guarantee its downstream neighbor 40 percent of the river's yearly flow while the reservoir behind the dam is filled"),
   ("004","said it would let 40% of the flow through to its neighbour while the reservoir is filled")],
  "'40 percent' / '40%' / 'at least 40 percent' (a guaranteed minimum): the same figure. "
  "002's headline and lead state the offer and its rejection at once (also in offer-rejected). "
  "The 35% offer of the first round (first-round-offer) is another offer on another occasion: not in this claim"),
 ("offer-rejected", "Ardesia rejects Kyrvania's (new) offer as insufficient", "agree",
  [("000","Ardesia rejected an offer from its upstream neighbor"),
   ("000","told reporters the offer was \"unacceptable\" and fell far short of what Ardesian farmers needed"),
   ("001","Ardesia rebuffs Kyrvania’s water offer"),
   ("001","Ardesia has rebuffed an offer from neighbouring Kyrvania to share the waters of the Zeravan river"),
   ("001","says that is nowhere near enough"),
   ("002","Ardesia says no to 40% offer"),
   ("002","Ardesia on Tuesday turned down Kyrvania’s offer of 40% of the Zeravan’s waters"),
   ("002","said the Kyrvanian proposal “does not meet the minimum needs of our people” and could not be accepted"),
   ("003","Ardesia on Tuesday dismissed Kyrvania's latest proposal for sharing the waters of the Zeravan river"),
   ("003","said the offer fell short of her country's needs"),
   ("004","Ardesia says no to Kyrvania dam offer"),
   ("004","with Ardesia turning down an offer to share the river’s water"),
   ("004","said the offer was \"simply not good enough\"")],
  "rejected / rebuffed / turned down / dismissed / says no / 'unacceptable' / 'nowhere near enough' / 'not good enough' / "
  "'fell short': wording only. The quoted words differ but each is a short reaction, not one direct quote reported twice. "
  "Ardesia's rejection of last year's 35% offer is first-round-offer, not this claim"),
 ("demand-share", "Ardesia demands (at least) 55% of the flow", "compatible",
  [("000","wants a guarantee of at least 55 percent"),
   ("001","Its negotiators have been holding out for more than half."),
   ("002","Ardesia is asking for 55%"),
   ("003","Ardesia has demanded at least 55 percent.")],
  "'more than half' (001) against '55%' / 'at least 55 percent': compatible, 001 is less precise"),
 ("filling-period", "How long Kyrvania would take to fill the reservoir under its offer", "differ",
  [("000","Kyrvania would fill the reservoir over seven years"),
   ("002","the reservoir behind the 285-metre dam would be filled over seven years"),
   ("003","a process Kyrvanian officials said would take 10 years")],
  "000 and 002 say seven years; 003 says 10 years: differ"),
 ("irrigation-dependence", "How much of Ardesia's irrigation water comes from the Zeravan", "compatible",
  [("000","draws about 70 percent of its irrigation water from the Zeravan"),
   ("001","relies on the Zeravan for more than two-thirds of the water used to irrigate its fields"),
   ("002","The Zeravan supplies 72% of the water used by Ardesian agriculture")],
  "'about 70 percent' / 'more than two-thirds' / '72%' (ministry figure): compatible, 002 is the precise figure. "
  "004's 'lifeline' gives no figure and is left unjudged"),
 ("farms-fear", "Ardesians fear the delta's farms will go dry when the reservoir fills", "agree",
  [("000","It fears that farms in the river's delta, where most of the country's cotton and wheat is grown, will go dry once Kyrvania starts holding water back"),
   ("001","Many fear their cotton and wheat fields will turn to dust once the reservoir begins to fill"),
   ("002","Farmers in the delta fear that their fields will dry out as soon as Kyrvania begins to fill the reservoir"),
   ("004","who fear their land will run dry")],
  "000 says Ardesia fears it, 001, 002 and 004 the farmers: a detail, not a change of relation"),
 ("quote-gap-narrowed", "\"The gap has narrowed, but it has not closed\": who said it", "differ",
  [("000","\"The gap has narrowed, but it has not closed,\" Solheim told a news conference at the end of the talks."),
   ("001","“The gap has narrowed, but it has not closed,” Ardesia’s Foreign Minister, Selin Aydın, told the GBC as she left the talks."),
   ("003","\"The gap has narrowed, but it has not closed,\" said Ingrid Solheim, the UN special envoy who mediated the two days of talks.")],
  "the same words put in different mouths: the mediator Solheim (000, 003) / Ardesia's foreign minister Aydın (001)"),
 ("aydin-quote", "Aydın's words: water is life for Ardesia's farmers and will not be bargained away", "differ",
  [("002","“Water is life for our farmers. We will not bargain it away,” Aydın told the Herald after the final session on Tuesday evening."),
   ("003","\"Water is a matter of life and death for our farmers, and we will not trade it away,\" she told reporters")],
  "one direct quote worded differently ('Water is life ... bargain it away' / 'a matter of life and death ... trade it away'): differ"),
 ("not-aimed-at", "Kyrvania says the dam is not aimed against Ardesia / threatens no one downstream", "agree",
  [("000","He said the dam was not aimed at Ardesia"),
   ("001","insisted the dam posed no threat to anyone downstream"),
   ("001","This dam is not directed against our neighbours."),
   ("002","He repeated that the dam “threatens no one”"),
   ("003","said the dam was \"not aimed against anyone,\""),
   ("004","insisted that the dam is 'not against anybody'")],
  "not aimed at Ardesia / not directed against our neighbours / threatens no one / not aimed against anyone / not against anybody: wording only"),
 ("power-purpose", "Kyrvania says the dam is for electricity (to end its winter power shortages)", "agree",
  [("000","would be used to generate electricity, not to hold back water from its neighbor"),
   ("000","Kyrvania, which suffers frequent power cuts in winter, says the dam will allow it to end shortages and export electricity"),
   ("001","It is about light and heat for Kyrvanian homes"),
   ("001","Kyrvania suffers chronic power cuts every winter, and officials in Temirsay say the dam’s power station will end them"),
   ("002","is being built to produce electricity"),
   ("003","The 3,600-megawatt plant is meant to end the winter electricity shortages that have plagued Kyrvania for years."),
   ("004","is only there to make electricity"),
   ("004","Kyrvania says it badly needs the power: the mountain country suffers blackouts every winter, and it hopes to sell surplus electricity abroad.")],
  "000 and 004 add exports; a detail"),
 ("capacity-3600", "The dam's power plant is to have 3,600 megawatts", "agree",
  [("000","3,600-megawatt Boztau dam"),
   ("002","Its six turbines will have a total capacity of 3,600 megawatts."),
   ("003","The 3,600-megawatt plant")],
  "003's phrase sits inside its power-purpose sentence"),
 ("sovereign-right", "Kyrvania says it has the (sovereign) right to use the river / its own resources", "agree",
  [("000","\"Kyrvania has every right to develop its own resources,\" he said."),
   ("001","Mr Khodzhayev argued that his country had a sovereign right to use the water that rises in its own mountains."),
   ("003","adding that Kyrvania was exercising its sovereign right to use a river that rises on its territory")], ""),
 ("talks-constructive", "Khojayev called the talks constructive", "agree",
  [("000","called the talks constructive"),
   ("003","Khojaev described the negotiations as \"constructive\"")], ""),
 ("monitoring-offer", "To reassure Ardesia, Kyrvania proposes a joint commission to monitor the river's flow at the border", "agree",
  [("000","To ease Ardesian concerns, Khojayev offered to install automatic gauges at the border and share flow data in real time through a joint monitoring commission."),
   ("001","In an attempt to calm Ardesian fears, Kyrvania has proposed a joint commission that would monitor the river’s flow at the border around the clock."),
   ("002","The Kyrvanian side also proposed a joint monitoring commission, with automatic measuring stations at Karaköprü, which Energy Minister Rustam Hocayev presented as a guarantee meant to reassure Ardesia."),
   ("003","He said Kyrvania was ready to set up a joint commission to monitor river flows, a step intended to reassure Ardesia")],
  "to ease concerns / to calm fears / to reassure: wording only"),
 ("water-waste", "Kyrvania accuses Ardesia of wasting water in inefficient irrigation", "agree",
  [("001","He also accused Ardesia of squandering the water it already receives, saying much of it leaks away from ageing irrigation canals before it reaches a single field."),
   ("003","accused Ardesian authorities of wasting water through inefficient irrigation")], ""),
 ("construction-continues", "Kyrvania refuses Ardesia's demand to halt construction during the talks", "agree",
  [("000","But he ruled out Ardesia's demand that construction be suspended while negotiations continue, saying work on the dam would go ahead as planned."),
   ("002","Kyrvania refuses to halt work on Boztau dam"),
   ("002","Hocayev again refused to halt work on the dam while negotiations are under way, a demand Ardesia has made since the talks began."),
   ("003","Aydin also repeated Ardesia's demand that work on the dam be frozen while talks continue."),
   ("003","Kyrvania's energy minister, Rustam Khojaev, said that was out of the question."),
   ("004","while Kyrvania has refused to stop building the dam")],
  "ruled out / refused / 'out of the question': wording only. 003 states the demand and the refusal in two sentences"),
 ("icj-warning", "Ardesia warns it may take the dispute to the International Court of Justice (if Kyrvania fills the reservoir without a deal)", "agree",
  [("000","Aydin said Ardesia could take the dispute to the International Court of Justice if Kyrvania began filling the reservoir without an agreement."),
   ("002","Aydın warned that Ardesia will take the case to the International Court of Justice in The Hague if Kyrvania starts to fill the reservoir without a treaty."),
   ("003","adding that Ardesia was prepared to take the dispute to the International Court of Justice if Kyrvania began filling the reservoir unilaterally"),
   ("004","Ardesia has warned it might take the row to the International Court of Justice")],
  "hedging differs (000 'could', 003 'was prepared to', 004 'might', 002 'will'): typed difference, relation unchanged"),
 ("restraint-call", "The mediator urged both sides to avoid unilateral steps", "agree",
  [("001","Ms Solheim urged both governments to avoid any unilateral step that might inflame tensions before the next round."),
   ("002","called on both capitals to refrain from unilateral steps"),
   ("004","She urged the two countries not to take \"any unilateral steps\"")], ""),
 ("experts-december", "Technical experts of the two countries will meet in December", "agree",
  [("000","She said the two sides had agreed to set up a joint group of technical experts that would meet in December"),
   ("002","experts to meet in December"),
   ("002","Technical experts from the two countries will meet in Temirsay in December"),
   ("003","Under an arrangement reached in Geneva, technical experts from both countries will meet in December in Temirsay, the Kyrvanian capital.")],
  "002 and 003 add the place (Temirsay)"),
 ("next-round-january", "The next round of talks will be held in January", "agree",
  [("000","and would meet again in January"),
   ("002","the next round of talks will be held in Geneva in January"),
   ("004","said they would meet again in around two months")],
  "004 gives a relative time ('in around two months'; from its 18/11 timestamp, about mid-January) against 000's and 002's 'January': typed difference, not a change of relation"),
 ("farmers-rally", "Farmers rallied in the capital Ardesh on Monday as the talks opened", "agree",
  [("001","On Monday, as the talks opened, farmers rallied outside parliament in Ardesh"),
   ("002","On Monday, as the talks opened, some 5,000 farmers gathered in front of the Grand National Assembly in Ardesh"),
   ("004","On Monday, a large crowd of farmers protested in the Ardesian capital as the talks opened.")],
  "002 gives a number, 004 'a large crowd', 001 none: a detail. The June blockade (june-blockade) is another protest: not in this claim"),
 ("first-round-offer", "At the first round (Vienna, October last year) Kyrvania offered 35%, which Ardesia also rejected", "agree",
  [("002","It was not the first Kyrvanian offer to be turned down."),
   ("002","At the first round of talks, held in Vienna in October last year, Kyrvania’s delegation, then led by Deputy Prime Minister Rustam Nazarov, offered 35% of the flow."),
   ("002","Ardesia rejected that offer as well."),
   ("003","At the first round of talks, held in Vienna in October last year, Kyrvania offered 35 percent of the flow, a proposal Ardesia also rejected."),
   ("004","Kyrvania made a similar offer last year, when it proposed 35%."),
   ("004","Ardesia refused that too.")],
  "same kind, different occasion: an earlier offer and an earlier rejection; must not be merged with new-offer-40 or offer-rejected"),
 ("june-blockade", "In June farmers blocked the highway for three days when Kyrvania began diverting the river", "agree",
  [("002","when growers from Kaleköy and other delta towns blocked the highway to the Kyrvanian border for three days after Kyrvania began diverting the river into bypass tunnels at the dam site"),
   ("004","Back in June, farmers blocked a main highway for three days in protest when Kyrvania started diverting the river.")],
  "same kind, different occasion: an earlier protest, not Monday's rally (farmers-rally)"),
]

# Different people the tool must keep apart (shared first names or surnames must not merge them).
DISTINCT = [
 (("002","Selin Aydın"), ("002","Kemal Aydın")),          # the foreign minister / the farmers' union chairman
 (("003","Selin Aydin"), ("003","Kemal Aydin")),
 (("001","Selin Aydın"), ("002","Kemal Aydın")),
 (("002","Rustam Hocayev"), ("002","Rustam Nazarov")),    # the energy minister / last year's delegation head
 (("003","Rustam Khojaev"), ("003","Rustam Nazarov")),
 (("000","Rustam Khojayev"), ("002","Rustam Nazarov")),
]

# Same person, spelled differently across sources: the tool should match them and point out the spelling.
VARIANTS = [
 ("Rustam Khojayev", [("000","Rustam Khojayev"),("001","Rustam Khodzhayev"),("001","Mr Khodzhayev"),
                      ("002","Rustam Hocayev"),("003","Rustam Khojaev"),("004","Khojayev")]),
 ("Selin Aydın", [("000","Selin Aydin"),("001","Selin Aydın"),("002","Selin Aydın"),("003","Selin Aydin"),("004","Selin Aydin")]),
]

out = {"about": "Gold alignment of claims across the five fictional reports of the Geneva talks between Ardesia and Kyrvania over the Boztau dam on the Zeravan river (third development set). Each cluster is one claim stated by two or more sources; each mention is a verbatim quote from one article (doc = the article's file name; byte_start/byte_end = the quote's UTF-8 byte span in that file). relation: as the decision table in /work/shared/eval/README.md. Not exhaustive: sentences that no cluster names are unjudged.",
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
