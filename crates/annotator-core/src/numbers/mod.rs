//! Numerals: digits with Vietnamese or English separators, number words in both languages,
//! and vague quantities ("hàng chục", "dozens") as ranges.
