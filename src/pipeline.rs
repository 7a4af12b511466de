//! The pipeline, composed once: parse → analyze → index → score → tailor → render. The
//! command line, batch and the server all prepare a résumé and match postings through here.

use crate::analyze::Analyzer;
use crate::choice::Choice;
use crate::error::{Error, Result};
use crate::index::{self, BulletIndex, IndexMeta};
use crate::model::{
    BatchRow, MatchReport, Posting, PostingReading, ReqKind, Resume, ResumeView, YearMonth,
};
use crate::parse::{self, posting, InputFormat};
use crate::render::{self, Highlights, ResumeFormat};
use crate::score::{self, AnalyzedResume, Background, IndexPlace, PreparedResume, Scoring};
use crate::tailor::{self, Evidence, TailorOptions};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How to read and prepare a résumé.
#[derive(Debug, Clone)]
pub struct ResumeOptions {
    /// Read as this format instead of guessing from extension and content.
    pub format: Option<InputFormat>,
    /// Where a persisted index lives; `None` builds it in RAM.
    pub index_dir: Option<PathBuf>,
    /// The analyzer (the shared one, or one with a user lexicon).
    pub analyzer: Arc<Analyzer>,
    /// The month "present" stands for in the résumé's dates.
    pub as_of: YearMonth,
}

impl Default for ResumeOptions {
    fn default() -> Self {
        ResumeOptions {
            format: None,
            index_dir: None,
            analyzer: Analyzer::shared(),
            as_of: crate::score::requirements::current_month(),
        }
    }
}

/// Index metadata for the résumé at `path` with text `text`.
fn index_meta(path: &Path, text: &str, bullets: usize, analyzer: &Analyzer) -> IndexMeta {
    IndexMeta {
        content_hash: index::content_hash(text, analyzer),
        resume_path: std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
        bullets,
    }
}

/// Reads, parses, analyzes and indexes the résumé at `path`, ready to score postings.
///
/// With an index folder, a persisted index there is reused when it was built from this
/// résumé with the same content, and rebuilt there when this résumé changed; otherwise the
/// index is built in RAM.
pub fn prepare(path: &Path, opts: &ResumeOptions) -> Result<PreparedResume> {
    let (text, read_as) = parse::read_resume_source(path)?;
    let mut resume = parse::parse_resume(path, &text, opts.format.or(read_as))?;
    // A résumé with a posting's heading ("Minimum Qualifications"): match and tailor say so,
    // as `jdfit resume` does, where the résumé and the posting may have been swapped.
    if !text.trim_start().starts_with('{') {
        if let Some(h) = parse::check::posting_heading(&text) {
            resume.warnings.push(parse::check::looks_like_posting(&h));
        }
    }
    prepare_parsed(resume, Some((path, &text)), opts)
}

/// [`prepare`] for a résumé already read: `text` is the content of `path` (whose name
/// helps detect the format and names it in errors).
pub fn prepare_text(path: &Path, text: &str, opts: &ResumeOptions) -> Result<PreparedResume> {
    let resume = parse::parse_resume(path, text, opts.format)?;
    prepare_parsed(resume, Some((path, text)), opts)
}

/// [`prepare`] for a résumé already parsed. `source` (its path and text) is needed only to
/// reuse a persisted index.
pub fn prepare_parsed(
    resume: Resume,
    source: Option<(&Path, &str)>,
    opts: &ResumeOptions,
) -> Result<PreparedResume> {
    let analyzer = opts.analyzer.clone();
    let place = match (&opts.index_dir, source) {
        (Some(dir), Some((path, text))) => IndexPlace::Dir(
            dir,
            index_meta(path, text, resume.leaves().len(), &analyzer),
        ),
        _ => IndexPlace::Memory,
    };
    PreparedResume::new(resume, analyzer, place, opts.as_of)
}

/// Builds and persists the index of the résumé at `path` in `dir`, replacing an earlier
/// jdfit index there.
pub fn build_index(path: &Path, dir: &Path, opts: &ResumeOptions) -> Result<IndexMeta> {
    let (text, read_as) = parse::read_resume_source(path)?;
    let resume = parse::parse_resume(path, &text, opts.format.or(read_as))?;
    let analyzed = AnalyzedResume::new(&resume, &opts.analyzer);
    let meta = index_meta(path, &text, analyzed.index_docs().len(), &opts.analyzer);
    BulletIndex::persist(analyzed.index_docs(), &meta, dir, &opts.analyzer)?;
    Ok(meta)
}

/// An analyzer with the built-in lexicon extended by the user lexicon at `path`.
pub fn analyzer_with_lexicon(path: &Path) -> Result<Arc<Analyzer>> {
    let tsv = parse::read_text(path)?;
    let lexicon = crate::analyze::lexicon::Lexicon::with_user(&tsv)
        .map_err(|e| Error::parse(path, (e.line > 0).then_some(e.line), e.message))?;
    Ok(Arc::new(Analyzer::new(lexicon)))
}

/// One posting matched against a prepared résumé: the posting, its unrounded scoring and
/// the report built from it.
#[derive(Debug, Clone)]
pub struct Matched {
    /// The parsed posting.
    pub posting: Posting,
    /// Unrounded figures (what tailoring reads).
    pub scoring: Scoring,
    /// The report (rounded for display).
    pub report: MatchReport,
}

/// Scores `posting` (read from `source`) against `prepared`.
pub fn match_posting(prepared: &PreparedResume, posting: Posting, source: &str) -> Result<Matched> {
    let scoring = prepared.score(&posting)?;
    let report = scoring.report(prepared, &posting, source);
    Ok(Matched {
        posting,
        scoring,
        report,
    })
}

/// Parses posting `text` (whose first line is its title) and scores it.
pub fn match_text(prepared: &PreparedResume, text: &str, source: &str) -> Result<Matched> {
    match_posting(prepared, posting::parse(text), source)
}

/// How posting `text` (whose first line is its title), read from `source`, is read by the
/// scorer: each line's part and weight and the terms taken from it, with the built-in
/// background.
pub fn read_posting(text: &str, source: &str, analyzer: &Analyzer) -> PostingReading {
    let mut r = score::reading(&posting::parse(text), analyzer, Background::builtin());
    r.source = source.to_string();
    r
}

/// A résumé as read, with the text its parser read and the format it was read as: what
/// [`ReadResume::view`] shows a person.
#[derive(Debug, Clone)]
pub struct ReadResume {
    /// The parsed résumé.
    pub resume: Resume,
    /// The text parsed (a document's text, once converted).
    pub text: String,
    /// The format the text was read as.
    pub format: InputFormat,
    /// The kind of document the text was taken from (`DOCX`, `HTML`), when it was one.
    pub converted_from: Option<String>,
}

impl ReadResume {
    /// What was read and what a person should check in it, for `source` (a path or an
    /// uploaded file's name).
    pub fn view(&self, source: &str) -> ResumeView {
        let text = (self.format != InputFormat::Json).then_some(self.text.as_str());
        let warnings = parse::check::resume_warnings(&self.resume, text);
        let format = match &self.converted_from {
            Some(doc) => format!("{} (from {doc})", self.format.name()),
            None => self.format.name().to_string(),
        };
        ResumeView::new(&self.resume, source, &format, warnings)
    }
}

/// Reads and parses the résumé at `path` (its format given, or detected), keeping what a
/// view of it needs.
pub fn read_resume(path: &Path, format: Option<InputFormat>) -> Result<ReadResume> {
    let (text, read_as) = parse::read_resume_source(path)?;
    read_parsed(path, text, format, read_as)
}

/// [`read_resume`] for a file's bytes already in memory (an upload named `path`): a DOCX
/// document or any text encoding, as from a file.
pub fn read_resume_bytes(
    path: &Path,
    bytes: &[u8],
    format: Option<InputFormat>,
) -> Result<ReadResume> {
    let (text, read_as) = parse::resume_source_from_bytes(path, bytes)?;
    read_parsed(path, text, format, read_as)
}

fn read_parsed(
    path: &Path,
    text: String,
    format: Option<InputFormat>,
    read_as: Option<InputFormat>,
) -> Result<ReadResume> {
    let format = format
        .or(read_as)
        .unwrap_or_else(|| InputFormat::detect(path, &text));
    let resume = parse::parse_resume(path, &text, Some(format))?;
    // A document's kind, named the way people call it (from its extension; "a document"
    // when the name has none).
    let converted_from = read_as.map(|_| {
        path.extension()
            .and_then(|e| e.to_str())
            .map_or_else(|| "a document".to_string(), str::to_ascii_uppercase)
    });
    Ok(ReadResume {
        resume,
        text,
        format,
        converted_from,
    })
}

/// The résumé tailored to a matched posting: its own bullets, selected and reordered.
pub fn tailor(prepared: &PreparedResume, matched: &Matched, opts: &TailorOptions) -> Resume {
    tailor::tailor(
        &prepared.resume,
        &Evidence::of(prepared, &matched.scoring),
        opts,
    )
}

/// Where each bullet mentions what the posting asks (or a related concept).
pub fn highlights(prepared: &PreparedResume, scoring: &Scoring) -> Highlights {
    let keys = scoring.highlight_keys(prepared);
    Highlights::new(
        prepared
            .resume
            .all_bullets()
            .iter()
            .map(|b| (b.id.clone(), prepared.ranges(&b.id, &keys)))
            .filter(|(_, r)| !r.is_empty())
            .collect(),
    )
}

/// The tailored résumé for a matched posting, as the bytes of a file in `format`, and what
/// it kept and dropped.
pub fn render_tailored(
    prepared: &PreparedResume,
    matched: &Matched,
    opts: &TailorOptions,
    format: ResumeFormat,
) -> Result<(Vec<u8>, TailorSummary)> {
    let tailored = tailor(prepared, matched, opts);
    let summary = tailor_summary(prepared, matched, &tailored);
    let hl = highlights(prepared, &matched.scoring);
    Ok((render::resume_file(&tailored, format, Some(&hl))?, summary))
}

/// What tailoring kept and dropped, told in one line (see [`TailorSummary::line`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TailorSummary {
    /// Work bullets kept.
    pub kept: usize,
    /// Work bullets in the résumé.
    pub total: usize,
    /// Must-have requirements proven by a bullet the tailored résumé keeps (a work bullet
    /// kept, or a line of a section kept whole, such as skills)…
    pub musts_kept: usize,
    /// …of those any bullet of the résumé proves.
    pub musts_proven: usize,
    /// The best-scoring bullet left out, if it matched the posting at all.
    pub best_dropped: Option<String>,
}

impl TailorSummary {
    /// "kept 12 of 24 work bullets, proving 7 of the 8 must-haves your résumé proves;
    /// the best one left out: …".
    pub fn line(&self) -> String {
        let mut out = format!(
            "kept {} of {} work bullets, proving {} of the {} must-haves your résumé proves",
            self.kept, self.total, self.musts_kept, self.musts_proven
        );
        if let Some(b) = &self.best_dropped {
            let short: String = b.chars().take(60).collect();
            let more = if short.len() < b.len() { "…" } else { "" };
            out.push_str(&format!("; the best one left out: {short}{more}"));
        }
        out
    }
}

/// What `tailored` kept of `prepared`'s work bullets and which must-haves they prove.
pub fn tailor_summary(
    prepared: &PreparedResume,
    matched: &Matched,
    tailored: &Resume,
) -> TailorSummary {
    let leaves = tailored.leaves();
    let kept_ids: std::collections::HashSet<&str> = leaves
        .iter()
        .filter(|l| tailored.sections[l.section].kind.is_work())
        .map(|l| l.bullet.id.as_str())
        .collect();
    // Every line the tailored résumé still shows: a must-have a skills line proves is still
    // proven there (its section is kept whole).
    let shown: std::collections::HashSet<&str> =
        leaves.iter().map(|l| l.bullet.id.as_str()).collect();
    let is_work = |o: usize| {
        prepared.resume.sections[prepared.bullets[o].section]
            .kind
            .is_work()
    };
    let work: Vec<usize> = (0..prepared.bullets.len())
        .filter(|&o| is_work(o))
        .collect();
    let kept = |o: usize| kept_ids.contains(prepared.bullets[o].id.as_str());
    let musts = matched
        .scoring
        .requirements
        .iter()
        .filter(|r| r.kind == ReqKind::Must && !r.proving.is_empty());
    let scores = &matched.scoring.bullet_scores;
    TailorSummary {
        kept: work.iter().filter(|&&o| kept(o)).count(),
        total: work.len(),
        musts_kept: musts
            .clone()
            .filter(|r| {
                r.proving
                    .iter()
                    .any(|&o| shown.contains(prepared.bullets[o].id.as_str()))
            })
            .count(),
        musts_proven: musts.count(),
        best_dropped: matched
            .scoring
            .ranked
            .iter()
            .find(|&&o| is_work(o) && !kept(o) && scores[o] > 0.0)
            .map(|&o| prepared.bullets[o].text.clone()),
    }
}

/// What happened to one tailored file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum TailorOutcome {
    /// Written.
    Written(PathBuf),
    /// A file of that name exists and `force` was not given.
    Exists(PathBuf),
    /// A file of that name is one of the run's inputs: never replaced, even with `force`.
    Input(PathBuf),
}

/// Writes a tailored résumé for each batch row that kept its posting, into `dir` (created
/// if needed), named `RANK-title-company.EXT`. Files are written atomically; an existing file
/// is replaced only with `force`, and never when it is one of `inputs` (the résumé, the
/// lexicon, the posting files: compared as canonical paths, so links count). A symbolic
/// link of that name is replaced by the file, never written through.
pub fn write_tailored(
    prepared: &PreparedResume,
    rows: &[BatchRow],
    dir: &Path,
    format: ResumeFormat,
    force: bool,
    inputs: &[PathBuf],
    opts: &TailorOptions,
) -> Result<Vec<TailorOutcome>> {
    let inputs: Vec<PathBuf> = inputs
        .iter()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    let io = |e: std::io::Error| Error::Io {
        path: dir.to_path_buf(),
        source: e,
    };
    std::fs::create_dir_all(dir).map_err(io)?;
    let ext = format.extension();
    let width = rows.len().to_string().len().max(2);
    let mut out = Vec::new();
    for r in rows {
        let Some(posting) = &r.posting else { continue };
        let matched = match_posting(prepared, posting.clone(), &r.source)?;
        let (body, _) = render_tailored(prepared, &matched, opts, format)?;
        let name = format!(
            "{:0width$}-{}.{ext}",
            r.rank,
            safe_stem(r.title.as_deref(), r.company.as_deref())
        );
        let path = dir.join(&name);
        let link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        if std::fs::canonicalize(&path).is_ok_and(|c| inputs.contains(&c)) {
            out.push(TailorOutcome::Input(path));
        } else if link {
            // A link among the folder's files is replaced itself (`--force`), never written
            // through: the file it names lies elsewhere and is not this run's to replace.
            if force && crate::output::write_atomic(&path, &body, true)? {
                out.push(TailorOutcome::Written(path));
            } else {
                out.push(TailorOutcome::Exists(path));
            }
        } else if crate::output::write_output(&path, &body, force)? {
            out.push(TailorOutcome::Written(path));
        } else {
            out.push(TailorOutcome::Exists(path));
        }
    }
    Ok(out)
}

/// A file name from a title and company: letters and digits of any script kept, everything
/// else (path separators, dots, spaces) folded to `-`, bounded length, never empty.
pub fn safe_stem(title: Option<&str>, company: Option<&str>) -> String {
    let raw = [title, company]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = String::new();
    for c in raw.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= 60 {
            break;
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        "posting".into()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_safe() {
        assert_eq!(
            safe_stem(Some("Senior SRE"), Some("Acme, Inc.")),
            "senior-sre-acme-inc"
        );
        assert_eq!(safe_stem(Some("../../etc/passwd"), None), "etc-passwd");
        assert_eq!(
            safe_stem(Some("高级SRE工程师"), Some("云栖")),
            "高级sre工程师-云栖"
        );
        assert_eq!(safe_stem(Some("///"), None), "posting");
        assert_eq!(safe_stem(None, None), "posting");
        assert!(safe_stem(Some(&"x".repeat(500)), None).chars().count() <= 60);
        assert!(!safe_stem(Some("a\0b\\c:d"), None).contains(['\0', '\\', ':', '/']));
    }
}
