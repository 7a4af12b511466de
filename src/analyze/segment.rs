//! Chinese word segmentation: jieba, with its whole dictionary or with only the dictionary
//! words the texts contain.
//!
//! Building jieba's dictionary (349,045 words into a trie) is most of a cold `jdfit match`.
//! Yet jieba's segmentation of a run of text depends only on the dictionary words that occur
//! inside the run (the edges of its word graph), their frequencies and the dictionary's total
//! frequency. So a few texts are segmented exactly as with the whole dictionary by a jieba
//! holding just those words, found by walking a finite-state map of the dictionary that is
//! read in place (`corpus/jieba-dict.fst`, built by `examples/build_dictionary.rs`), plus one
//! filler entry that keeps the total frequency the whole dictionary's. Past a budget of Han
//! text (a batch, a server) the whole dictionary is built once and used from then on; the
//! results are the same either way.

use fst::raw::Fst;
use jieba_rs::Jieba;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock};

/// The first bytes of `corpus/jieba-dict.fst`, before the total frequency (8 bytes,
/// little-endian) and the map.
pub const MAGIC: &[u8; 8] = b"JDFITJB1";

/// jieba's dictionary as a finite-state map, word → frequency.
static SHIPPED: &[u8] = include_bytes!("../../corpus/jieba-dict.fst");

/// Han text (bytes) segmented with the words it contains before the whole dictionary is
/// built instead. Measured on the 196 Chinese dev postings (66,000 Han characters, a busy
/// 2-core machine): analysed in 41–54 ms this way, in 178–222 ms with the whole dictionary
/// built first; so looking words up costs well under a microsecond a character more, and the
/// whole dictionary pays off only past several hundred thousand characters. This budget
/// (about 87,000 characters) stays on the safe side.
const PARTIAL_BUDGET: usize = 256 << 10;

/// jieba's longest dictionary word is 16 characters: no walk goes deeper than this in bytes.
const MAX_WORD_BYTES: usize = 16 * 4;

/// The filler entry that carries the rest of the total frequency. It never occurs in a
/// segmented text, which holds Han characters only.
const FILLER: &str = "\u{0}";

/// The process's segmenter.
static SEGMENTER: Segmenter = Segmenter::new();

/// The dictionary to segment one text with: the whole one, shared, or the partial one,
/// locked while the caller segments.
pub(crate) enum Dictionary<'a> {
    /// The whole dictionary.
    Whole(&'a Jieba),
    /// The dictionary words found so far (including every word of the text).
    Partial(MutexGuard<'a, Partial>),
}

impl std::ops::Deref for Dictionary<'_> {
    type Target = Jieba;
    fn deref(&self) -> &Jieba {
        match self {
            Dictionary::Whole(j) => j,
            Dictionary::Partial(p) => &p.jieba,
        }
    }
}

/// A jieba holding the dictionary words of the texts segmented so far.
pub(crate) struct Partial {
    jieba: Jieba,
    /// The sum of the frequencies of the real words added.
    words_total: u64,
}

/// Chooses and keeps the dictionaries.
pub(crate) struct Segmenter {
    whole: OnceLock<Jieba>,
    partial: OnceLock<Mutex<Partial>>,
    /// Han bytes segmented with the partial dictionary so far.
    seen: AtomicUsize,
}

/// jieba's dictionary as a map read in place, and its total frequency.
type Shipped = (Fst<&'static [u8]>, u64);

/// The shipped map and the whole dictionary's total frequency, or `None` when the file is
/// not one (then the whole dictionary is always built).
fn shipped() -> Option<&'static Shipped> {
    static MAP: OnceLock<Option<Shipped>> = OnceLock::new();
    MAP.get_or_init(|| {
        let rest = SHIPPED.strip_prefix(MAGIC.as_slice())?;
        let (total, map) = rest.split_first_chunk::<8>()?;
        Some((Fst::new(map).ok()?, u64::from_le_bytes(*total)))
    })
    .as_ref()
}

impl Segmenter {
    const fn new() -> Self {
        Segmenter {
            whole: OnceLock::new(),
            partial: OnceLock::new(),
            seen: AtomicUsize::new(0),
        }
    }

    /// The process's segmenter.
    pub(crate) fn global() -> &'static Segmenter {
        &SEGMENTER
    }

    /// Builds the whole dictionary now (batch and the server segment many texts).
    pub(crate) fn warm_up(&self) -> &Jieba {
        self.whole.get_or_init(Jieba::new)
    }

    /// The dictionary to segment `run` (Han characters only) with.
    pub(crate) fn for_run(&self, run: &str) -> Dictionary<'_> {
        if let Some(j) = self.whole.get() {
            return Dictionary::Whole(j);
        }
        if self.seen.fetch_add(run.len(), Ordering::Relaxed) + run.len() > PARTIAL_BUDGET {
            return Dictionary::Whole(self.warm_up());
        }
        let Some((map, total)) = shipped() else {
            return Dictionary::Whole(self.warm_up());
        };
        let partial = self.partial.get_or_init(|| {
            Mutex::new(Partial {
                jieba: Jieba::empty(),
                words_total: 0,
            })
        });
        // A poisoned lock only means another thread panicked while adding words: every
        // word added is complete, so the dictionary is still consistent.
        let mut guard = partial.lock().unwrap_or_else(|p| p.into_inner());
        guard.add_words_of(run, map, *total);
        Dictionary::Partial(guard)
    }
}

impl Partial {
    /// Adds every dictionary word that occurs in `run` and is not yet present, then sets the
    /// filler so that the total frequency is the whole dictionary's.
    fn add_words_of(&mut self, run: &str, map: &Fst<&'static [u8]>, total: u64) {
        let bytes = run.as_bytes();
        let mut added = false;
        for (start, _) in run.char_indices() {
            let mut node = map.root();
            let mut out = fst::raw::Output::zero();
            for (i, &b) in bytes[start..].iter().enumerate().take(MAX_WORD_BYTES) {
                let Some(t) = node.find_input(b) else { break };
                let tr = node.transition(t);
                out = out.cat(tr.out);
                node = map.node(tr.addr);
                let end = start + i + 1;
                if node.is_final() && run.is_char_boundary(end) {
                    let word = &run[start..end];
                    if !self.jieba.has_word(word) {
                        let freq = out.cat(node.final_output()).value();
                        self.jieba.add_word(word, Some(freq as usize), Some(""));
                        self.words_total += freq;
                        added = true;
                    }
                }
            }
        }
        if added || !self.jieba.has_word(FILLER) {
            let filler = total.saturating_sub(self.words_total);
            self.jieba.add_word(FILLER, Some(filler as usize), Some(""));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(dict: &Jieba, run: &str) -> Vec<(String, usize)> {
        dict.cut(run, true)
            .into_iter()
            .map(|w| (w.word.to_string(), w.byte_start))
            .collect()
    }

    fn whole() -> &'static Jieba {
        Segmenter::global().warm_up()
    }

    #[test]
    fn the_shipped_map_is_jiebas_dictionary() {
        let (map, total) = shipped().expect("corpus/jieba-dict.fst reads");
        // jieba reports its size and total frequency only through `Debug`.
        let described = format!("{:?}", whole());
        assert!(
            described.contains(&format!("records_len: {}", map.len()))
                && described.contains(&format!("total_freq: {total}")),
            "{described} against {} words, total {total}",
            map.len()
        );
        // Same size, and every word of the map is one of jieba's: the same words.
        let mut stream = map.stream();
        let mut n = 0;
        while let Some((word, _)) = fst::Streamer::next(&mut stream) {
            let word = std::str::from_utf8(word).unwrap();
            assert!(whole().has_word(word), "{word}");
            n += 1;
        }
        assert_eq!(n, map.len());
    }

    /// Runs cut from real postings and résumés: job words, rare characters, names, runs
    /// with no dictionary word, single characters.
    const RUNS: &[&str] = &[
        "负责公司核心业务系统的架构设计与开发",
        "熟悉分布式系统原理对系统进行优化",
        "具备良好的沟通能力和团队合作精神",
        "本科及以上学历计算机相关专业",
        "有大规模高并发系统设计经验者优先",
        "哔哩哔哩是中国年轻一代高度聚集的文化社区",
        "五险一金带薪年假弹性工作",
        "从满足业务需求中理出头绪",
        "岗位职责任职要求加分项",
        "主导基础设施全链路可观测性建设",
        "北京航空航天大学电子与通信工程硕士",
        "饕餮龘靐齉",
        "的",
        "我",
        "研究生命起源",
        "南京市长江大桥",
        "他来到了网易杭研大厦",
        "小明硕士毕业于中国科学院计算所后在日本京都大学深造",
    ];

    #[test]
    fn partial_segmentation_is_whole_segmentation() {
        let seg = Segmenter::new();
        for run in RUNS {
            let got = match seg.for_run(run) {
                Dictionary::Partial(p) => words(&p.jieba, run),
                Dictionary::Whole(_) => panic!("{run}: past the budget already"),
            };
            assert_eq!(got, words(whole(), run), "{run}");
        }
        // Every substring asked about later (ungluing) has the same answer too.
        let partial = match seg.for_run(RUNS[1]) {
            Dictionary::Partial(p) => p,
            Dictionary::Whole(_) => unreachable!(),
        };
        for run in RUNS {
            let chars: Vec<usize> = run
                .char_indices()
                .map(|(i, _)| i)
                .chain([run.len()])
                .collect();
            for (a, &i) in chars.iter().enumerate() {
                for &j in &chars[a + 1..] {
                    let s = &run[i..j];
                    assert_eq!(partial.jieba.has_word(s), whole().has_word(s), "{s}");
                }
            }
        }
    }

    #[test]
    fn past_the_budget_the_whole_dictionary_is_used() {
        let seg = Segmenter::new();
        let run = "负责公司核心业务系统的架构设计与开发".repeat(64);
        let mut whole_at = None;
        for i in 0..PARTIAL_BUDGET / run.len() + 2 {
            if matches!(seg.for_run(&run), Dictionary::Whole(_)) {
                whole_at = Some(i);
                break;
            }
        }
        assert_eq!(whole_at, Some(PARTIAL_BUDGET / run.len()));
        assert!(matches!(seg.for_run("的"), Dictionary::Whole(_)));
    }

    /// Characters of common words, rare ones and ones in no word, so that random runs make
    /// word graphs with many overlapping edges and unknown stretches for the HMM.
    const ALPHABET: &str = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龘靐齉饕餮";

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn random_runs_segment_the_same(picks in prop::collection::vec(prop::collection::vec(0usize..400, 1..40), 1..6)) {
            let alphabet: Vec<char> = ALPHABET.chars().collect();
            let seg = Segmenter::new();
            for pick in picks {
                let run: String = pick.iter().map(|&i| alphabet[i % alphabet.len()]).collect();
                let got = match seg.for_run(&run) {
                    Dictionary::Partial(p) => words(&p.jieba, &run),
                    Dictionary::Whole(_) => unreachable!(),
                };
                prop_assert_eq!(got, words(whole(), &run), "{}", run);
            }
        }
    }
}
