/// A calendar date given to year, month or day precision: `2012`, `2012-09` or `2012-09-06`.
///
/// A partial date names a period. ``firstDay`` and ``lastDay`` are that period's bounds,
/// encoded as `yyyymmdd` integers so that they compare like dates.
public struct PartialDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The year (1…9999).
    public let year: Int
    /// The month (1…12), or nil at year precision.
    public let month: Int?
    /// The day of the month, or nil at year or month precision.
    public let day: Int?

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil when malformed or not a real date.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        func number(_ s: Substring, digits: Int) -> Int? {
            guard s.count == digits, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(s)
        }
        guard let y = number(parts[0], digits: 4), y >= 1 else { return nil }
        var m: Int? = nil
        var d: Int? = nil
        if parts.count >= 2 {
            guard let mm = number(parts[1], digits: 2), (1...12).contains(mm) else { return nil }
            m = mm
        }
        if parts.count == 3 {
            guard let dd = number(parts[2], digits: 2), let mm = m,
                (1...PartialDate.daysIn(month: mm, year: y)).contains(dd)
            else { return nil }
            d = dd
        }
        year = y
        month = m
        day = d
    }

    /// Creates a date from its parts; the caller guarantees they are valid.
    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    /// The number of days in a month of the proleptic Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The first day of the period, as `yyyymmdd`.
    public var firstDay: Int { year * 10000 + (month ?? 1) * 100 + (day ?? 1) }

    /// The last day of the period, as `yyyymmdd`.
    public var lastDay: Int {
        let m = month ?? 12
        return year * 10000 + m * 100 + (day ?? PartialDate.daysIn(month: m, year: year))
    }

    /// The date as written: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var description: String {
        var text = String(year).leftPadded(to: 4)
        if let month { text += "-" + String(month).leftPadded(to: 2) }
        if let day { text += "-" + String(day).leftPadded(to: 2) }
        return text
    }

    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        (a.firstDay, a.lastDay) < (b.firstDay, b.lastDay)
    }
}

/// A validity interval: from the first day of `since` through the last day of `until`.
public struct Validity: Hashable, Sendable {
    /// Valid from (inclusive); nil means since always.
    public var since: PartialDate?
    /// Valid through (inclusive); nil means still valid.
    public var until: PartialDate?

    /// Creates an interval.
    public init(since: PartialDate? = nil, until: PartialDate? = nil) {
        self.since = since
        self.until = until
    }

    /// True when the interval holds on the last day of `date`'s period.
    public func contains(_ date: PartialDate) -> Bool {
        let day = date.lastDay
        if let since, since.firstDay > day { return false }
        if let until, until.lastDay < day { return false }
        return true
    }

    /// A short human form: `2012–`, `2010–2012`, `–2003`, or empty when always valid.
    public var text: String {
        switch (since, until) {
        case (nil, nil): return ""
        case (let s?, nil): return "\(s)–"
        case (nil, let u?): return "–\(u)"
        case (let s?, let u?): return s == u ? "\(s)" : "\(s)–\(u)"
        }
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
