/// Robyn's national holiday table for DE, FR, GB and US, compiled into the library.
///
/// The rows are Robyn's `dt_prophet_holidays` (Prophet's generated national holidays, 1995–2044) restricted to four
/// countries: `shared/data/holidays_sample.csv`, 2,320 rows. Source: facebookexperimental/Robyn
/// (`R/data/dt_prophet_holidays.RData`, commit 5915aa9), MIT License, Copyright (c) Meta Platforms, Inc. and
/// affiliates.
///
/// The text lives in Swift string literals, not a SwiftPM resource, so a copied binary works without a bundle next
/// to it. `EmbeddedHolidayRows1…6.swift` are generated; regenerate them from the package root (with the shared
/// folder next to it) with exactly this command:
///
/// ```sh
/// python3 - <<'PY'
/// import pathlib
/// src = pathlib.Path('../shared/data/holidays_sample.csv').read_text(encoding='utf-8')
/// assert src.endswith('\n') and '\r' not in src and '"#' not in src
/// lines = src[:-1].split('\n')
/// out = pathlib.Path('Sources/MMMEngine/Baseline/HolidayData')
/// size = 400
/// for part in range((len(lines) + size - 1) // size):
///     chunk = lines[part * size:(part + 1) * size]
///     body = '\n'.join('        ' + line for line in chunk)
///     text = (
///         '// Generated from shared/data/holidays_sample.csv by the command in EmbeddedHolidayTable.swift; do not edit.\n'
///         '// Data: Robyn dt_prophet_holidays (facebookexperimental/Robyn, MIT License,\n'
///         '// Copyright (c) Meta Platforms, Inc. and affiliates).\n\n'
///         'extension EmbeddedHolidayTable {\n'
///         f'    /// Lines {part * size + 1}-{part * size + len(chunk)} of the holidays CSV.\n'
///         f'    static let part{part + 1} = #"""\n{body}\n        """#\n'
///         '}\n')
///     (out / f'EmbeddedHolidayRows{part + 1}.swift').write_text(text, encoding='utf-8')
/// PY
/// ```
///
/// `EmbeddedHolidayTableTests` checks that ``csvText`` equals the shared CSV byte for byte.
enum EmbeddedHolidayTable {
    /// The parts in order; each holds up to 400 lines without the final newline.
    static let parts = [part1, part2, part3, part4, part5, part6]

    /// The whole CSV file (`ds,holiday,country,year` header, LF line ends, final newline).
    static var csvText: String { parts.joined(separator: "\n") + "\n" }
}
