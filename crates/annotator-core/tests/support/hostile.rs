//! Hostile shapes of input: texts whose work once grew faster than their length (long runs
//! without a sentence break, emoji-led sentences, walls of capitals, thousands of dates,
//! figures or names in one sentence). Each generator is deterministic and returns a text of at
//! least `bytes` bytes, so that a test can double a size and compare the work.
//!
//! Markup shapes for the HTML reduction follow the same rule.
//!
//! Shared by the complexity test (`tests/complexity.rs`) and the example that prints the
//! table of shapes × sizes (`examples/hostile.rs`). The sentences are written for the test.

/// A name and a generator: `make(bytes)` is a text of at least `bytes` bytes.
pub struct Shape {
    pub name: &'static str,
    pub make: fn(usize) -> String,
}

/// Every shape, in the order the table prints them.
pub const SHAPES: &[Shape] = &[
    Shape { name: "vi-no-punctuation", make: vi_no_punctuation },
    Shape { name: "en-no-punctuation", make: en_no_punctuation },
    Shape { name: "emoji-led-sentences", make: |n| repeat("😀 Ilham Aliyev 👍🏽 ngày 4-10-2020, 3 người chết. ", n) },
    Shape { name: "vi-lower-case-sentences", make: |n| repeat("ông nguyễn văn an cho biết ngày 4/10 có 3 người chết và 5 người bị thương tại hà nội. ", n) },
    Shape { name: "one-long-line", make: |n| repeat("The Defence Ministry said on Monday, October 5, 2020 that 12 soldiers were killed and 30 wounded near the town of Fizuli, according to officials in Baku. President Ilham Aliyev met General John Smith of the United Nations. ", n) },
    Shape { name: "wall-of-capitals", make: wall_of_capitals },
    Shape { name: "title-case-run", make: title_case_run },
    Shape { name: "thousands-of-dates", make: |n| repeat("ngày 4-10-2020, hôm qua, tháng 10/2020, năm 2019, hôm 27-9, on October 4, 2020, yesterday, Tuesday, last month, ", n) },
    Shape { name: "thousands-of-figures", make: |n| repeat("3 người chết, ít nhất 5 người bị thương, 12 binh sĩ thiệt mạng, killing 23 people and wounding 40, ", n) },
    Shape { name: "repeated-names", make: |n| repeat("Ilham Aliyev, Aliyev, ông Hikmet Hajiyev, Hajiyev, Tổng thống Nguyễn Văn An, An, Bộ Quốc phòng Azerbaijan, ", n) },
    Shape { name: "short-lines", make: |n| repeat("- Nguyễn Văn An\n- 3 người chết\n- ngày 4/10\nBaku\n• Smith\n", n) },
    Shape { name: "datelines", make: |n| repeat("(AFP) - Officials met.\nHANOI (Reuters) - Ba người chết.\n", n) },
    Shape { name: "name-connectors", make: |n| repeat("Mocimboa da Praia and Rio de Janeiro and Ho Chi Minh ", n) },
    Shape { name: "misspelt-places", make: misspelt_places },
    Shape { name: "places-and-lone-words", make: places_and_lone_words },
    Shape { name: "chained-titles", make: |n| repeat("President Tổng thống Ông General Prince ", n) },
    Shape { name: "place-list", make: |n| repeat("các xã Phước Lộc, Phước Công và huyện Phước Sơn, ", n) },
    Shape { name: "acronyms", make: |n| repeat("Islamic State Central Africa Province (ISCAP) and ISCAP and IS ", n) },
    Shape { name: "one-huge-word", make: |n| repeat("Nguyễnvănan", n) },
    Shape { name: "a-list-of-years", make: |n| repeat("2015, 2016, 2017, 2018, 2019, ", n) },
    Shape { name: "credits-on-one-line", make: |n| repeat("(Ảnh: Reuters, AFP, Getty Ảnh: Minh Phương, Theo TASS ", n) },
];

/// Markup for the HTML reduction (`text::html::html_to_text`).
pub const HTML_SHAPES: &[Shape] = &[
    Shape { name: "html-unclosed-titles", make: |n| repeat("<title>Tin <b>nhanh</b> ", n) },
    Shape { name: "html-tag-soup", make: |n| repeat("<p><div class='a'>Ông An</div><br/><!-- x --></p>", n) },
    Shape { name: "html-entities", make: |n| repeat("&amp;&nbsp;&#x41;&#65;&bogus;& ", n) },
    Shape { name: "html-scripts", make: |n| repeat("<script>var a = '<p>';</script><style>p{}</style>text ", n) },
    Shape { name: "html-lone-brackets", make: |n| repeat("< a <b < 3 > 2 ", n) },
    Shape { name: "html-articles-unclosed", make: |n| repeat("<article><h1>Tin</h1><nav>menu</nav><p>Ông An ", n) },
    Shape { name: "html-articles-in-a-tag", make: |n| repeat("<article <main data-x='<article>' ", n) },
    Shape { name: "html-articles-closed", make: |n| repeat("<main><article><p>Ông An</p></article></main><aside>x</aside>", n) },
];

/// A small deterministic generator (64-bit LCG, Knuth's constants): the same text every run.
struct Lcg(u64);

impl Lcg {
    fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        words[((self.0 >> 33) % words.len() as u64) as usize]
    }
}

/// Random words from `words`, separated by spaces, with no punctuation at all.
fn random_words(words: &[&str], bytes: usize, seed: u64) -> String {
    let mut rng = Lcg(seed);
    let mut s = String::with_capacity(bytes + 32);
    while s.len() < bytes {
        s.push_str(rng.pick(words));
        s.push(' ');
    }
    s
}

/// `unit` repeated until the text holds `bytes` bytes.
fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

fn vi_no_punctuation(bytes: usize) -> String {
    random_words(&["Nguyễn", "Văn", "tên", "lửa", "Baku", "ngày", "4", "10", "người", "chết", "bị", "thương", "ông", "Hà", "Nội"], bytes, 1)
}

fn en_no_punctuation(bytes: usize) -> String {
    random_words(&["the", "Smith", "said", "killed", "people", "on", "Monday", "3", "in", "Baku", "wounded", "at", "least"], bytes, 2)
}

fn wall_of_capitals(bytes: usize) -> String {
    random_words(&["THE", "SMITH", "SAID", "KILLED", "PEOPLE", "ON", "MONDAY", "3", "IN", "BAKU", "NGUYỄN", "VĂN", "BỘ", "QUỐC", "PHÒNG"], bytes, 3)
}

fn title_case_run(bytes: usize) -> String {
    random_words(&["President", "Smith", "Ministry", "Of", "Defence", "County", "Baku", "Nguyễn", "Văn", "Bộ", "Quốc", "Phòng", "Tổng", "Thống", "General"], bytes, 4)
}

fn misspelt_places(bytes: usize) -> String {
    let mut rng = Lcg(5);
    let mut s = String::with_capacity(bytes + 64);
    let mut k = 0u32;
    while s.len() < bytes {
        // A distinct capitalised word each time, and one edit away from a place named earlier.
        s.push_str(&format!("in Azerbaijan{k} near Azecbaijan{k} {} ", rng.pick(&["Armenia", "Arnenia", "Philippines", "Philppines"])));
        k += 1;
    }
    s
}

fn places_and_lone_words(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 64);
    let mut k = 0u32;
    while s.len() < bytes {
        // Each place and each lone capitalised word distinct: no word misspells any place.
        s.push_str(&format!("ở xã Phuoclo{k} thấy Qwertyu{k} đi "));
        k += 1;
    }
    s
}
