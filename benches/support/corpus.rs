//! A deterministic generator of news-like articles for benchmarks (issue 8).
//!
//! `generate(n, seed)` returns `n` articles as `(file name, text)`: many stories, each told by
//! three to six outlets. Every story has a place, a date, two or three people (whose names some
//! outlets spell differently: "Gadhafi" / "Qaddafi"), an organisation and a handful of facts
//! with numbers and units. Each outlet writes its own article: its own credit line ("(Reuters) -",
//! "WASHINGTON (AP) --", "By ... | AFP"), its own order and wording of the facts, quotes with
//! "said", dates and weekdays, and now and then a different figure for the same fact (a death
//! toll revised, an estimate rounded). Articles are 1.5 to 4 KB, like the bundled ones.
//!
//! No dependency, no IO: a xorshift64* generator with a fixed seed, so the same `(n, seed)`
//! always gives the same bytes. Shared by `examples/gen_corpus.rs` (writes the files) and
//! `benches/engine.rs` (generates in memory), both through `#[path]`; not part of the library,
//! so the page's wasm never contains it.

#![allow(dead_code)]

/// The seed the benchmarks and the documented command use.
pub const SEED: u64 = 0x5eed_0008;

/// xorshift64* (Vigna): small, fast, good enough for picking words.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    /// True with probability `p` percent.
    pub fn chance(&mut self, p: usize) -> bool {
        self.below(100) < p
    }
    pub fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }
}

/// (city, country, demonym)
const PLACES: &[(&str, &str, &str)] = &[
    ("Nairobi", "Kenya", "Kenyan"),
    ("Lagos", "Nigeria", "Nigerian"),
    ("Cairo", "Egypt", "Egyptian"),
    ("Tripoli", "Libya", "Libyan"),
    ("Baghdad", "Iraq", "Iraqi"),
    ("Tehran", "Iran", "Iranian"),
    ("Kabul", "Afghanistan", "Afghan"),
    ("Islamabad", "Pakistan", "Pakistani"),
    ("New Delhi", "India", "Indian"),
    ("Dhaka", "Bangladesh", "Bangladeshi"),
    ("Jakarta", "Indonesia", "Indonesian"),
    ("Manila", "Philippines", "Philippine"),
    ("Beijing", "China", "Chinese"),
    ("Tokyo", "Japan", "Japanese"),
    ("Seoul", "South Korea", "South Korean"),
    ("Moscow", "Russia", "Russian"),
    ("Kiev", "Ukraine", "Ukrainian"),
    ("Warsaw", "Poland", "Polish"),
    ("Berlin", "Germany", "German"),
    ("Paris", "France", "French"),
    ("Madrid", "Spain", "Spanish"),
    ("Rome", "Italy", "Italian"),
    ("Athens", "Greece", "Greek"),
    ("Ankara", "Turkey", "Turkish"),
    ("London", "Britain", "British"),
    ("Brasilia", "Brazil", "Brazilian"),
    ("Buenos Aires", "Argentina", "Argentine"),
    ("Mexico City", "Mexico", "Mexican"),
    ("Bogota", "Colombia", "Colombian"),
    ("Lima", "Peru", "Peruvian"),
    ("Ottawa", "Canada", "Canadian"),
    ("Canberra", "Australia", "Australian"),
];

/// People: (first name, surname, other spellings of the surname some outlets use).
const PEOPLE: &[(&str, &str, &[&str])] = &[
    ("Muammar", "Gadhafi", &["Qaddafi", "Kadhafi"]),
    ("Mohammed", "Rahman", &["Rehman"]),
    ("Viktor", "Yanukovych", &["Yanukovich"]),
    ("Olena", "Kovalenko", &["Kovalenka"]),
    ("Ahmed", "Hussein", &["Husain"]),
    ("Maria", "Gonzalez", &["Gonzales"]),
    ("Jean-Pierre", "Dubois", &[]),
    ("Anna", "Schmidt", &["Schmitt"]),
    ("Hiroshi", "Tanaka", &[]),
    ("Li", "Wei", &[]),
    ("Sergei", "Ivanov", &["Ivanoff"]),
    ("Fatima", "Okafor", &["Okafur"]),
    ("James", "Mwangi", &[]),
    ("Carlos", "Mendoza", &[]),
    ("Elena", "Petrova", &["Petrowa"]),
    ("David", "Cohen", &["Kohen"]),
    ("Sarah", "Thompson", &["Thomson"]),
    ("Rajesh", "Sharma", &[]),
    ("Ayesha", "Siddiqui", &["Siddiqi"]),
    ("Tomasz", "Nowak", &[]),
    ("Kwame", "Mensah", &[]),
    ("Ingrid", "Larsen", &["Larson"]),
    ("Pablo", "Herrera", &[]),
    ("Yusuf", "Demir", &[]),
    ("Nadia", "Haddad", &["Hadad"]),
    ("Robert", "Miller", &[]),
];

/// (title, organisation)
const ROLES: &[(&str, &str)] = &[
    ("Interior Minister", "the Interior Ministry"),
    ("Health Minister", "the Health Ministry"),
    ("Finance Minister", "the Finance Ministry"),
    ("Foreign Minister", "the Foreign Ministry"),
    ("police spokesman", "the police"),
    ("army spokesman", "the army"),
    ("regional governor", "the regional government"),
    ("Prime Minister", "the government"),
    ("President", "the presidency"),
    ("chief executive", "the company"),
    ("mayor", "the city council"),
    ("central bank governor", "the central bank"),
];

/// Outlets: (name, credit style). Style 0: "(Outlet) -" lead; 1: "CITY (Outlet) --"; 2: a
/// "By NAME | Outlet" byline line first; 3: an "Outlet" line at the end.
const OUTLETS: &[(&str, u8)] = &[
    ("Reuters", 0),
    ("AP", 1),
    ("AFP", 2),
    ("CNN", 1),
    ("BBC News", 3),
    ("Al Jazeera", 3),
    ("Xinhua", 1),
    ("The Guardian", 2),
    ("Bloomberg", 0),
    ("UPI", 1),
];

const REPORTERS: &[&str] =
    &["John Smith", "Amina Yusuf", "Peter Novak", "Lucia Ferreira", "Tom Becker", "Grace Lin", "Omar Said"];

const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// One kind of story: what happened, the facts that can be counted, and what people say.
struct Theme {
    /// Headline pattern.
    headline: &'static str,
    /// The lead: what happened, where, when.
    lead: &'static [&'static str],
    /// Facts with a number: (pattern, low, high, unit-ish words are in the pattern).
    facts: &'static [(&'static str, u32, u32)],
    /// Background sentences.
    background: &'static [&'static str],
    /// Quotes (the words only).
    quotes: &'static [&'static str],
}

// Patterns: {city} {country} {dem} {day} {date} {p1} {p2} {role1} {role2} {org1} {org2} {n}
const THEMES: &[Theme] = &[
    Theme {
        headline: "Earthquake strikes {country}, dozens feared dead",
        lead: &[
            "A powerful earthquake struck {country} on {day}, flattening buildings near {city} and killing at least {n} people, officials said.",
            "At least {n} people were killed when an earthquake hit {country} on {day}, according to {org1}.",
            "An earthquake killed at least {n} people in {country} on {day} and left thousands without shelter.",
        ],
        facts: &[
            ("The quake had a magnitude of {n}.{d} and struck at a depth of {m} km.", 5, 7),
            ("More than {n} people were injured, and {m} buildings collapsed.", 80, 900),
            ("Rescue teams pulled {n} survivors from the rubble by {day} evening.", 10, 140),
            ("The epicentre was about {n} kilometres from {city}.", 20, 180),
            ("The government released {n} million dollars in emergency aid.", 5, 60),
        ],
        background: &[
            "{country} sits on several active fault lines and is hit by earthquakes every year.",
            "Many of the buildings that collapsed were older houses made of brick and mud.",
            "Aftershocks continued through the night, and many residents slept in the streets.",
            "Hospitals in {city} said they were struggling to cope with the number of injured.",
        ],
        quotes: &[
            "We are doing everything we can to reach the people still trapped",
            "The toll is likely to rise as we reach the more remote villages",
            "I have never felt anything like it, the whole house was shaking",
        ],
    },
    Theme {
        headline: "{dem} parliament approves budget after long debate",
        lead: &[
            "{dem} lawmakers approved a budget of {n} billion dollars on {day} after a debate that lasted {m} hours.",
            "The {dem} parliament passed the {year} budget on {day}, with {n} votes in favour.",
            "{country}'s parliament on {day} backed a spending plan that {org1} says will cut the deficit.",
        ],
        facts: &[
            ("The budget foresees a deficit of {n}.{d} percent of gross domestic product.", 1, 6),
            ("Spending on health will rise by {n} percent to {m} billion dollars.", 3, 14),
            ("The plan was approved by {n} votes to {m}.", 160, 260),
            ("Fuel taxes will rise by {n} cents a litre from {month}.", 2, 15),
            ("Unemployment stood at {n}.{d} percent in {month}.", 4, 12),
        ],
        background: &[
            "The opposition had called the plan unfair to pensioners and threatened to block it.",
            "The government has promised international lenders that it will reduce its debt.",
            "Thousands of people protested outside the parliament building in {city} last week.",
            "Economists said the growth forecast in the plan was too optimistic.",
        ],
        quotes: &[
            "This budget puts our public finances back on a sound footing",
            "Ordinary families will pay the price for this plan",
            "We did not get everything we wanted, but it is a fair compromise",
        ],
    },
    Theme {
        headline: "Floods force thousands from their homes in {country}",
        lead: &[
            "Floods in {country} have forced {n} thousand people from their homes since {day}, {org1} said.",
            "Heavy rain flooded large parts of {country} on {day}, killing {n} people and cutting roads around {city}.",
            "Thousands of people fled rising water in {country} on {day} as rivers burst their banks.",
        ],
        facts: &[
            ("At least {n} people have died and {m} are missing.", 6, 70),
            ("Some areas received {n} millimetres of rain in {m} hours.", 120, 400),
            ("The river rose to {n}.{d} metres above its normal level.", 2, 9),
            ("About {n} hectares of farmland were under water.", 3000, 90000),
            ("The army sent {n} soldiers and {m} boats to help with the evacuation.", 200, 3000),
        ],
        background: &[
            "The rainy season in {country} usually runs from June to September.",
            "Aid groups warned of the risk of disease in crowded shelters.",
            "Officials said the dams upstream were holding but were being watched closely.",
            "Critics said warnings had come too late for villages along the river.",
        ],
        quotes: &[
            "The water came in the middle of the night and we lost everything",
            "Our priority is to get everyone to safety before the next storm",
            "We need clean water and medicine more than anything",
        ],
    },
    Theme {
        headline: "{dem} workers strike over pay",
        lead: &[
            "Tens of thousands of {dem} workers went on strike on {day}, demanding a pay rise of {n} percent.",
            "A national strike over wages shut schools and hospitals across {country} on {day}, unions said.",
            "{dem} unions began a {m}-day strike on {day} after talks with {org1} broke down.",
        ],
        facts: &[
            ("Unions said {n} thousand workers joined the strike.", 40, 600),
            ("The government offered a raise of {n} percent, the unions asked for {m} percent.", 2, 9),
            ("Inflation reached {n}.{d} percent last year.", 3, 19),
            ("The average public-sector wage is {n} dollars a month.", 300, 2400),
            ("Flights were cancelled at {n} airports.", 2, 14),
        ],
        background: &[
            "It is the third general strike in {country} this year.",
            "Prices of food and fuel have risen sharply over the past twelve months.",
            "The government says it cannot afford higher wages without new taxes.",
            "Police said the marches in {city} were largely peaceful.",
        ],
        quotes: &[
            "Workers cannot live on these wages any more",
            "The door to negotiation remains open",
            "We will continue until the government makes a serious offer",
        ],
    },
    Theme {
        headline: "{org2} agrees takeover worth billions",
        lead: &[
            "A {dem} group agreed on {day} to buy a rival for {n} billion dollars, creating one of the largest firms in its sector.",
            "{dem} shares rose on {day} after a takeover worth {n} billion dollars was announced in {city}.",
            "A takeover valued at {n} billion dollars was announced in {city} on {day}.",
        ],
        facts: &[
            ("The offer values each share at {n}.{d} dollars, a premium of {m} percent.", 10, 90),
            ("The combined company will employ about {n} thousand people.", 12, 160),
            ("The deal is expected to close by {month} next year.", 1, 1),
            ("The companies expect savings of {n} million dollars a year.", 150, 900),
            ("The buyer will cut about {n} jobs.", 300, 4000),
        ],
        background: &[
            "Regulators in several countries will have to approve the deal.",
            "Analysts said the price was high but the fit was good.",
            "Both companies have struggled with falling demand over the past two years.",
            "Unions said they would seek guarantees on jobs.",
        ],
        quotes: &[
            "This is a great day for our shareholders and our customers",
            "We will look very carefully at the effect on competition",
            "The price reflects the quality of the business",
        ],
    },
    Theme {
        headline: "Talks on {country} ceasefire resume in {city}",
        lead: &[
            "Negotiators met in {city} on {day} to resume talks on a ceasefire that has been broken {n} times this month.",
            "Talks on a ceasefire resumed in {city} on {day}, a week after fighting killed {n} people.",
            "Delegations from both sides returned to the table in {city} on {day}, {org1} said.",
        ],
        facts: &[
            ("Fighting since {month} has killed at least {n} people.", 90, 2000),
            ("About {n} thousand people have fled to neighbouring countries.", 15, 400),
            ("The United Nations has appealed for {n} million dollars in aid.", 40, 500),
            ("The talks are expected to last {n} days.", 2, 6),
            ("Observers counted {n} violations of the truce last week.", 8, 60),
        ],
        background: &[
            "Previous rounds of talks collapsed over the question of prisoners.",
            "Both sides accuse each other of breaking the truce.",
            "Diplomats said a deal was possible but not yet close.",
            "The talks are mediated by envoys from several neighbouring states.",
        ],
        quotes: &[
            "We came here in good faith and we expect the same from the other side",
            "There can be no peace without the release of all prisoners",
            "The talks were constructive and we will meet again",
        ],
    },
];

/// Sentences any story can have (slots as in the themes; {n} is the story's own figure).
const GENERIC: &[&str] = &[
    "{p1}, who has held the post since {year0}, did not comment further.",
    "Reporters in {city} were told on {day} that a further statement would follow.",
    "The {dem} cabinet held an emergency meeting on {day} morning.",
    "{p2} accused the government of failing to act quickly enough.",
    "{p1} said on {day} that the figures were preliminary and could still change.",
    "A spokeswoman for {org1} said {g} officials had been sent to {city}.",
    "Neighbouring countries offered help, and the European Union said it was ready to send experts.",
    "Local television showed crowds gathering in the centre of {city} on {day} evening.",
    "Shares on the {city} stock exchange fell {gd} percent on {day}.",
    "{p2}'s office said in a statement that talks with {org1} would continue next week.",
    "The United Nations said it was following the situation in {country} closely.",
    "Residents interviewed on {day} said they were worried about the coming weeks.",
    "It was not immediately clear how many people were affected outside {city}.",
    "The announcement came {g} days after {p1} visited the region.",
    "{org1} said it would publish a full report by the end of {month}.",
    "Critics said the response had been slow and poorly coordinated.",
];

struct Person {
    first: &'static str,
    surname: &'static str,
    variants: &'static [&'static str],
    title: &'static str,
    org: &'static str,
}

struct Story {
    theme: &'static Theme,
    city: &'static str,
    country: &'static str,
    dem: &'static str,
    year: u32,
    month: usize,
    mday: u32,
    weekday: usize,
    people: Vec<Person>,
    /// (fact index, n, m, d): the story's true figures.
    facts: Vec<(usize, u32, u32, u32)>,
    lead_n: u32,
    lead_m: u32,
    /// The story's generic sentences (indices into GENERIC) and their figure.
    generic: Vec<usize>,
    g: u32,
    gd: u32,
    year0: u32,
}

fn make_story(rng: &mut Rng) -> Story {
    let theme = rng.pick(THEMES);
    let &(city, country, dem) = rng.pick(PLACES);
    let mut people_idx: Vec<usize> = (0..PEOPLE.len()).collect();
    rng.shuffle(&mut people_idx);
    let mut roles_idx: Vec<usize> = (0..ROLES.len()).collect();
    rng.shuffle(&mut roles_idx);
    let people = (0..rng.range(2, 3))
        .map(|i| {
            let (first, surname, variants) = PEOPLE[people_idx[i]];
            let (title, org) = ROLES[roles_idx[i]];
            Person { first, surname, variants, title, org }
        })
        .collect();
    let facts = (0..theme.facts.len())
        .map(|i| {
            let (_, lo, hi) = theme.facts[i];
            let n = rng.range(lo as usize, hi as usize) as u32;
            let m = if hi <= 20 { n + rng.range(1, 6) as u32 } else { rng.range(lo as usize, hi as usize) as u32 };
            (i, n, m, rng.below(10) as u32)
        })
        .collect();
    Story {
        theme,
        city,
        country,
        dem,
        year: rng.range(2005, 2024) as u32,
        month: rng.below(12),
        mday: rng.range(1, 28) as u32,
        weekday: rng.below(7),
        people,
        facts,
        lead_n: rng.range(12, 240) as u32,
        lead_m: rng.range(2, 30) as u32,
        generic: {
            let mut g: Vec<usize> = (0..GENERIC.len()).collect();
            rng.shuffle(&mut g);
            g.truncate(10);
            g
        },
        g: rng.range(2, 40) as u32,
        gd: rng.range(1, 6) as u32,
        year0: rng.range(1995, 2004) as u32,
    }
}

/// Fills a pattern's slots for one outlet's telling.
fn fill(pat: &str, s: &Story, spell: &[&str], n: u32, m: u32, d: u32) -> String {
    let mut out = String::with_capacity(pat.len() + 32);
    let mut rest = pat;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let j = rest[i..].find('}').map(|j| i + j).unwrap_or(rest.len() - 1);
        let key = &rest[i + 1..j];
        match key {
            "city" => out.push_str(s.city),
            "country" => out.push_str(s.country),
            "dem" => out.push_str(s.dem),
            "day" => out.push_str(WEEKDAYS[s.weekday]),
            "month" => out.push_str(MONTHS[s.month]),
            "year" => out.push_str(&s.year.to_string()),
            "year0" => out.push_str(&s.year0.to_string()),
            "g" => out.push_str(&s.g.to_string()),
            "gd" => out.push_str(&format!("{}.{}", s.gd, s.g % 10)),
            "n" => out.push_str(&group_digits(n)),
            "m" => out.push_str(&group_digits(m)),
            "d" => out.push_str(&d.to_string()),
            "p1" | "p2" => {
                let k = if key == "p1" { 0 } else { 1 };
                out.push_str(&upper_first(s.people[k].title));
                out.push(' ');
                out.push_str(s.people[k].first);
                out.push(' ');
                out.push_str(spell[k]);
            }
            "org1" => out.push_str(s.people[0].org),
            "org2" => {
                let o = s.people[1].org;
                let mut c = o.chars();
                // "the company" → "The company" at a headline start.
                if let Some(f) = c.next() {
                    out.extend(f.to_uppercase());
                    out.push_str(c.as_str());
                }
            }
            _ => out.push_str(&rest[i..=j]),
        }
        rest = &rest[j + 1..];
    }
    out.push_str(rest);
    upper_first(&out)
}

fn group_digits(n: u32) -> String {
    let s = n.to_string();
    if n < 10_000 {
        return s;
    }
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// One outlet's article about a story.
fn write_article(rng: &mut Rng, s: &Story, outlet: (&str, u8)) -> String {
    let (name, style) = outlet;
    // Surname spelling this outlet uses for each person.
    let spell: Vec<&str> = s
        .people
        .iter()
        .map(|p| if !p.variants.is_empty() && rng.chance(35) { *rng.pick(p.variants) } else { p.surname })
        .collect();
    let mut paras: Vec<String> = Vec::new();
    let headline = fill(s.theme.headline, s, &spell, 0, 0, 0);
    let date_line = format!("{} {}, {}", MONTHS[s.month], s.mday, s.year);
    let mut text = String::with_capacity(4096);
    match style {
        2 => {
            text.push_str(&format!("{headline}\n\nBy {} | {name}\n{date_line}\n\n", rng.pick(REPORTERS)));
        }
        _ => {
            text.push_str(&headline);
            text.push_str("\n\n");
        }
    }
    // The lead, with the story's figure or (sometimes) this outlet's own.
    let lead_n = if rng.chance(20) { s.lead_n + rng.range(1, 9) as u32 } else { s.lead_n };
    let lead = fill(*rng.pick(s.theme.lead), s, &spell, lead_n, s.lead_m, 0);
    let lead = match style {
        0 => format!("({name}) - {lead}"),
        1 => format!("{} ({name}) -- {lead}", s.city.to_uppercase()),
        _ => lead,
    };
    paras.push(lead);
    // Facts, in this outlet's order, most of them.
    let mut facts: Vec<&(usize, u32, u32, u32)> = s.facts.iter().filter(|_| rng.chance(80)).collect();
    rng.shuffle(&mut facts);
    let mut quotes: Vec<&str> = s.theme.quotes.to_vec();
    rng.shuffle(&mut quotes);
    let mut background: Vec<&str> = s.theme.background.to_vec();
    rng.shuffle(&mut background);
    let mut generic = s.generic.clone();
    rng.shuffle(&mut generic);
    let mut qi = 0;
    let mut bi = 0;
    let mut gi = 0;
    for (k, &&(fi, n, m, d)) in facts.iter().enumerate() {
        // Now and then a different figure: revised or rounded.
        let n = if rng.chance(15) { n + rng.range(1, 1 + (n as usize / 10).max(1)) as u32 } else { n };
        let mut sent = fill(s.theme.facts[fi].0, s, &spell, n, m, d);
        if rng.chance(40) {
            let p = &s.people[0];
            let who = if rng.chance(50) { format!("{} {} {}", p.title, p.first, spell[0]) } else { p.org.to_string() };
            sent.pop();
            sent = format!("{sent}, {who} said.");
        }
        paras.push(sent);
        if k % 2 == 1 && qi < quotes.len() {
            let pk = qi % s.people.len();
            let p = &s.people[pk];
            let q = quotes[qi];
            qi += 1;
            paras.push(match rng.below(3) {
                0 => format!("\"{q},\" said {} {} {}.", p.title, p.first, spell[pk]),
                1 => format!("\"{q},\" {} told reporters in {} on {}.", spell[pk], s.city, WEEKDAYS[s.weekday]),
                _ => format!("{} {} said: \"{q}.\"", upper_first(p.title), spell[pk]),
            });
        }
        if k % 2 == 0 && bi < background.len() {
            paras.push(fill(background[bi], s, &spell, 0, 0, 0));
            bi += 1;
        }
        // Two of the story's generic sentences after each fact, most of them.
        for _ in 0..2 {
            if gi < generic.len() {
                if rng.chance(75) {
                    paras.push(fill(GENERIC[generic[gi]], s, &spell, 0, 0, 0));
                }
                gi += 1;
            }
        }
    }
    if qi < quotes.len() {
        let pk = 1 % s.people.len();
        paras.push(format!("\"{},\" {} said on {}.", quotes[qi], spell[pk], WEEKDAYS[s.weekday]));
    }
    while bi < background.len() && rng.chance(60) {
        paras.push(fill(background[bi], s, &spell, 0, 0, 0));
        bi += 1;
    }
    if rng.chance(50) {
        let later = (s.weekday + 1) % 7;
        paras.push(format!(
            "{} {} is expected to give more details on {} in {}.",
            upper_first(s.people[0].title),
            spell[0],
            WEEKDAYS[later],
            s.city
        ));
    }
    text.push_str(&paras.join("\n\n"));
    text.push('\n');
    if style == 3 {
        text.push_str(&format!("\n{date_line}\n(c) {} {name}\n", s.year));
    }
    text
}

/// `n` articles as `(file name, text)`, deterministic for a given `(n, seed)`. Stories get three
/// to six outlets each; file names are `NNNN_outlet.txt` in story order.
pub fn generate(n: usize, seed: u64) -> Vec<(String, String)> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let story = make_story(&mut rng);
        let mut outlets: Vec<usize> = (0..OUTLETS.len()).collect();
        rng.shuffle(&mut outlets);
        let k = rng.range(3, 6).min(n - out.len());
        for &o in &outlets[..k] {
            let text = write_article(&mut rng, &story, OUTLETS[o]);
            let slug: String =
                OUTLETS[o].0.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_lowercase();
            out.push((format!("{:04}_{slug}.txt", out.len()), text));
        }
    }
    out
}
