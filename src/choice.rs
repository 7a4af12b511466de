//! Named choices: the formats and orders a caller picks by name (a flag's value, a request
//! field), each with a one-line description, so every front end lists and reads them alike.

/// A closed set of named options.
pub trait Choice: Copy + PartialEq + Sized + 'static {
    /// Every option, in the order they are listed.
    const ALL: &'static [Self];

    /// The option's name, as typed.
    fn name(self) -> &'static str;

    /// What the option does, in one line.
    fn about(self) -> &'static str;

    /// The option named `name`, if any.
    fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.name() == name)
    }
}

/// Implements [`Choice`] for an enum from `Variant => ("name", "about")` pairs.
macro_rules! choices {
    ($t:ty { $($v:ident => ($name:literal, $about:literal)),+ $(,)? }) => {
        impl $crate::choice::Choice for $t {
            const ALL: &'static [Self] = &[$(<$t>::$v),+];
            fn name(self) -> &'static str {
                match self { $(<$t>::$v => $name),+ }
            }
            fn about(self) -> &'static str {
                match self { $(<$t>::$v => $about),+ }
            }
        }
    };
}
pub(crate) use choices;

#[cfg(test)]
mod tests {
    use super::Choice;
    use crate::render::{BatchFormat, ReportFormat, ResumeFormat};

    #[test]
    fn names_read_back() {
        for f in ResumeFormat::ALL {
            assert_eq!(ResumeFormat::from_name(f.name()), Some(*f));
        }
        assert_eq!(ReportFormat::from_name("json"), Some(ReportFormat::Json));
        assert_eq!(BatchFormat::from_name("jsonl"), Some(BatchFormat::Jsonl));
        assert_eq!(ResumeFormat::from_name("pdf"), None);
    }
}
