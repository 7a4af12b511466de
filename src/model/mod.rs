//! The data that passes between the stages: the résumé, the posting, the reports and the
//! batch rows. Data only: parsing, scoring and rendering live in their own modules.

mod batch;
mod posting;
mod reading;
mod report;
mod resume;
mod view;

pub use batch::*;
pub use posting::*;
pub use reading::*;
pub use report::*;
pub use resume::*;
pub use view::*;
