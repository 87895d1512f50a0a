//! Persian text: search folding ([`fold`]), display repair of lost
//! half-spaces ([`repair`]), and the Jalali calendar ([`jalali`]).

pub mod fold;
pub mod jalali;

