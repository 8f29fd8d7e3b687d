//! The user's corrections to the engine's alignment: accept or reject a link, split a group,
//! merge two groups. They are kept as a list of operations and applied, in order, to the
//! engine's analysis each time it is computed, so a correction survives a re-analysis.
//!
//! Claims are named by article and byte range (not by the engine's `c12` ids, which shift when
//! articles are added or removed), and groups by the claims they hold. An operation whose claims
//! no longer exist (the article was removed or edited) is skipped and reported as stale.

use crate::engine::{Analysis, Claim, DocSpan, Group, Link, Relation};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap, HashSet};

/// A claim by article and byte range: stable across re-analyses of the same text.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ClaimRef {
    pub doc: String,
    pub start: usize,
    pub end: usize,
}

impl ClaimRef {
    pub fn of(c: &Claim) -> Self {
        ClaimRef { doc: c.doc.clone(), start: c.span.start, end: c.span.end }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Correction {
    /// The user confirms that `a` and `b` state the same fact.
    Accept { a: ClaimRef, b: ClaimRef },
    /// The user says `a` and `b` do not state the same fact: the link goes, and the group splits
    /// where nothing else holds it together.
    Reject { a: ClaimRef, b: ClaimRef },
    /// Moves the claims `out` of the group holding `group` into a group of their own.
    Split { group: Vec<ClaimRef>, out: Vec<ClaimRef> },
    /// Joins the group holding `a` and the group holding `b`.
    Merge { a: Vec<ClaimRef>, b: Vec<ClaimRef> },
}

impl Correction {
    /// A sentence for the list of corrections.
    pub fn describe(&self, analysis: &Analysis, label: &dyn Fn(&ClaimRef) -> String) -> String {
        let _ = analysis;
        match self {
            Correction::Accept { a, b } => format!("Accepted the link {} ↔ {}", label(a), label(b)),
            Correction::Reject { a, b } => format!("Rejected the link {} ↔ {}", label(a), label(b)),
            Correction::Split { out, .. } => {
                format!("Split {} into a group of their own", out.iter().map(label).collect::<Vec<_>>().join(", "))
            }
            Correction::Merge { a, b } => format!(
                "Merged the group of {} with the group of {}",
                a.first().map(label).unwrap_or_default(),
                b.first().map(label).unwrap_or_default()
            ),
        }
    }
}

/// What applying the corrections gave: the corrected analysis and the state of each link.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Applied {
    pub analysis: Analysis,
    /// Links the user accepted, as (claim id, claim id) with the smaller id first.
    pub accepted: HashSet<(String, String)>,
    /// Links the user rejected, as claim ids, with the correction's index (for undo).
    pub rejected: Vec<(String, String, usize)>,
    /// Indexes of corrections that could not be applied (their claims are gone).
    pub stale: Vec<usize>,
}

fn key(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

/// Applies `corrections` in order to a copy of `raw`.
pub fn apply(raw: &Analysis, corrections: &[Correction]) -> Applied {
    let mut analysis = raw.clone();
    let ids: HashMap<ClaimRef, String> = raw.claims().map(|c| (ClaimRef::of(c), c.id.clone())).collect();
    let id_of = |r: &ClaimRef| ids.get(r).cloned();
    let mut out = Applied::default();
    let mut changed_groups = false;
    for (i, corr) in corrections.iter().enumerate() {
        let ok = match corr {
            Correction::Accept { a, b } => match (id_of(a), id_of(b)) {
                (Some(a), Some(b)) => {
                    out.accepted.insert(key(&a, &b));
                    true
                }
                _ => false,
            },
            Correction::Reject { a, b } => match (id_of(a), id_of(b)) {
                (Some(a), Some(b)) => {
                    out.accepted.remove(&key(&a, &b));
                    reject(&mut analysis, &a, &b);
                    out.rejected.push((a, b, i));
                    changed_groups = true;
                    true
                }
                _ => false,
            },
            Correction::Split { group, out: moved } => {
                let g: Vec<String> = group.iter().filter_map(id_of).collect();
                let m: Vec<String> = moved.iter().filter_map(id_of).collect();
                if m.len() != moved.len() || m.is_empty() {
                    false
                } else if let Some(gi) = find_group(&analysis.groups, &g) {
                    split(&mut analysis, gi, &m);
                    changed_groups = true;
                    true
                } else {
                    false
                }
            }
            Correction::Merge { a, b } => {
                let a: Vec<String> = a.iter().filter_map(id_of).collect();
                let b: Vec<String> = b.iter().filter_map(id_of).collect();
                match (find_group(&analysis.groups, &a), find_group(&analysis.groups, &b)) {
                    (Some(x), Some(y)) if x != y => {
                        merge(&mut analysis, x, y);
                        changed_groups = true;
                        true
                    }
                    _ => false,
                }
            }
        };
        if !ok {
            out.stale.push(i);
        }
    }
    if changed_groups {
        recompute_single_source(raw, &mut analysis);
    }
    out.analysis = analysis;
    out
}

/// The group that holds most of `claims` (at least one), the smaller on a tie.
fn find_group(groups: &[Group], claims: &[String]) -> Option<usize> {
    let want: HashSet<&String> = claims.iter().collect();
    groups
        .iter()
        .enumerate()
        .map(|(i, g)| (i, g.claims.iter().filter(|c| want.contains(c)).count(), g.claims.len()))
        .filter(|(_, n, _)| *n > 0)
        .max_by(|x, y| x.1.cmp(&y.1).then(y.2.cmp(&x.2)))
        .map(|(i, _, _)| i)
}

fn docs_of(analysis: &Analysis, claims: &[String]) -> BTreeSet<String> {
    claims.iter().filter_map(|c| analysis.claim(c)).map(|c| c.doc.clone()).collect()
}

/// Recomputes a changed group's relation from the differences it still holds.
fn relation_from_differences(g: &Group) -> Relation {
    g.differences.iter().map(|d| d.effect).max().unwrap_or(Relation::Agree)
}

/// Keeps only what concerns `claims`: links between two of them, differences whose spans all
/// fall in them.
fn restrict(analysis: &Analysis, g: &Group, claims: Vec<String>, id: String) -> Group {
    let set: HashSet<&String> = claims.iter().collect();
    let spans: Vec<(String, usize, usize)> =
        claims.iter().filter_map(|c| analysis.claim(c)).map(|c| (c.doc.clone(), c.span.start, c.span.end)).collect();
    let inside = |s: &DocSpan| spans.iter().any(|(d, a, b)| *d == s.doc && *a <= s.start && s.end <= *b);
    let links: Vec<Link> = g.links.iter().filter(|l| set.contains(&l.a) && set.contains(&l.b)).cloned().collect();
    let differences =
        g.differences.iter().filter(|d| !d.spans.is_empty() && d.spans.iter().all(|s| inside(s))).cloned().collect();
    let score = links.iter().map(|l| l.score).fold(0.0, f64::max);
    let mut out =
        Group { id, claims, links, differences, score: if score > 0.0 { score } else { g.score }, ..g.clone() };
    out.relation = relation_from_differences(&out);
    out
}

/// A group is worth keeping when it joins claims from two articles or more.
fn viable(analysis: &Analysis, claims: &[String]) -> bool {
    claims.len() >= 2 && docs_of(analysis, claims).len() >= 2
}

fn reject(analysis: &mut Analysis, a: &str, b: &str) {
    let mut new_groups = Vec::new();
    for g in std::mem::take(&mut analysis.groups) {
        let holds = g.claims.iter().any(|c| c == a) && g.claims.iter().any(|c| c == b);
        if !holds {
            new_groups.push(g);
            continue;
        }
        let mut g2 = g.clone();
        g2.links.retain(|l| !((l.a == a && l.b == b) || (l.a == b && l.b == a)));
        // Connected components over the remaining links; without links at all, `b` leaves.
        let comps: Vec<Vec<String>> = if g2.links.is_empty() {
            let rest: Vec<String> = g.claims.iter().filter(|c| *c != b).cloned().collect();
            vec![rest]
        } else {
            components(&g.claims, &g2.links)
        };
        let mut n = 0;
        for comp in comps {
            if !viable(analysis, &comp) {
                continue;
            }
            let id = if n == 0 { g.id.clone() } else { format!("{}.{}", g.id, n + 1) };
            n += 1;
            new_groups.push(restrict(analysis, &g2, comp, id));
        }
    }
    analysis.groups = new_groups;
}

fn components(claims: &[String], links: &[Link]) -> Vec<Vec<String>> {
    let idx: HashMap<&String, usize> = claims.iter().enumerate().map(|(i, c)| (c, i)).collect();
    let mut parent: Vec<usize> = (0..claims.len()).collect();
    fn find(p: &mut Vec<usize>, x: usize) -> usize {
        let mut x = x;
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for l in links {
        if let (Some(&x), Some(&y)) = (idx.get(&l.a), idx.get(&l.b)) {
            let (rx, ry) = (find(&mut parent, x), find(&mut parent, y));
            if rx != ry {
                parent[ry] = rx;
            }
        }
    }
    let mut by_root: Vec<(usize, Vec<String>)> = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        let r = find(&mut parent, i);
        match by_root.iter_mut().find(|(root, _)| *root == r) {
            Some((_, v)) => v.push(c.clone()),
            None => by_root.push((r, vec![c.clone()])),
        }
    }
    by_root.into_iter().map(|(_, v)| v).collect()
}

fn split(analysis: &mut Analysis, gi: usize, moved: &[String]) {
    let g = analysis.groups[gi].clone();
    let moved_set: HashSet<&String> = moved.iter().collect();
    let stay: Vec<String> = g.claims.iter().filter(|c| !moved_set.contains(c)).cloned().collect();
    let go: Vec<String> = g.claims.iter().filter(|c| moved_set.contains(c)).cloned().collect();
    let mut replacement = Vec::new();
    if viable(analysis, &stay) {
        replacement.push(restrict(analysis, &g, stay, g.id.clone()));
    }
    if viable(analysis, &go) {
        replacement.push(restrict(analysis, &g, go, format!("{}-split", g.id)));
    }
    analysis.groups.splice(gi..gi + 1, replacement);
}

fn merge(analysis: &mut Analysis, x: usize, y: usize) {
    let (gx, gy) = (analysis.groups[x].clone(), analysis.groups[y].clone());
    let mut claims = gx.claims.clone();
    for c in &gy.claims {
        if !claims.contains(c) {
            claims.push(c.clone());
        }
    }
    // Claims in text order: by article order, then position.
    let order: HashMap<String, usize> = analysis.claims().enumerate().map(|(i, c)| (c.id.clone(), i)).collect();
    claims.sort_by_key(|c| order.get(c).copied().unwrap_or(usize::MAX));
    let mut links = gx.links.clone();
    links.extend(gy.links.iter().cloned());
    let mut differences = gx.differences.clone();
    differences.extend(gy.differences.iter().cloned());
    let merged = Group {
        id: format!("{}+{}", gx.id, gy.id),
        claims,
        relation: gx.relation.max(gy.relation),
        label: format!("{} / {}", gx.label, gy.label),
        level: gx.level.clone(),
        score: gx.score.max(gy.score),
        links,
        differences,
    };
    let (lo, hi) = if x < y { (x, y) } else { (y, x) };
    analysis.groups.remove(hi);
    analysis.groups[lo] = merged;
}

/// Claims that lost their last group become single-source; claims that gained one stop being.
fn recompute_single_source(raw: &Analysis, analysis: &mut Analysis) {
    let grouped: HashSet<&String> = analysis.groups.iter().flat_map(|g| g.claims.iter()).collect();
    let raw_grouped: HashSet<&String> = raw.groups.iter().flat_map(|g| g.claims.iter()).collect();
    let keep: HashSet<&String> = raw.single_source.iter().collect();
    let single: Vec<String> = raw
        .claims()
        .filter(|c| !grouped.contains(&c.id) && (keep.contains(&c.id) || raw_grouped.contains(&c.id)))
        .map(|c| c.id.clone())
        .collect();
    analysis.single_source = single;
}
