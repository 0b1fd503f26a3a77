/// US states and DC with their 2020 census populations (thousands) and their main IANA zone,
/// for profiles that spread leads like the country's population.
enum USStates {
    static let all: [(code: String, population: Double, zone: String)] = [
        ("AL", 5024, "America/Chicago"), ("AK", 733, "America/Anchorage"), ("AZ", 7152, "America/Phoenix"),
        ("AR", 3012, "America/Chicago"), ("CA", 39538, "America/Los_Angeles"), ("CO", 5774, "America/Denver"),
        ("CT", 3606, "America/New_York"), ("DE", 990, "America/New_York"), ("DC", 690, "America/New_York"),
        ("FL", 21538, "America/New_York"), ("GA", 10712, "America/New_York"),
        ("HI", 1455, "Pacific/Honolulu"),
        ("ID", 1839, "America/Boise"), ("IL", 12812, "America/Chicago"),
        ("IN", 6786, "America/Indiana/Indianapolis"), ("IA", 3190, "America/Chicago"),
        ("KS", 2938, "America/Chicago"), ("KY", 4506, "America/New_York"), ("LA", 4658, "America/Chicago"),
        ("ME", 1362, "America/New_York"), ("MD", 6177, "America/New_York"), ("MA", 7030, "America/New_York"),
        ("MI", 10077, "America/Detroit"), ("MN", 5706, "America/Chicago"), ("MS", 2961, "America/Chicago"),
        ("MO", 6155, "America/Chicago"), ("MT", 1084, "America/Denver"), ("NE", 1962, "America/Chicago"),
        ("NV", 3105, "America/Los_Angeles"), ("NH", 1378, "America/New_York"),
        ("NJ", 9289, "America/New_York"),
        ("NM", 2118, "America/Denver"), ("NY", 20201, "America/New_York"), ("NC", 10439, "America/New_York"),
        ("ND", 779, "America/Chicago"), ("OH", 11799, "America/New_York"), ("OK", 3959, "America/Chicago"),
        ("OR", 4237, "America/Los_Angeles"), ("PA", 13003, "America/New_York"),
        ("RI", 1097, "America/New_York"),
        ("SC", 5118, "America/New_York"), ("SD", 887, "America/Chicago"), ("TN", 6911, "America/Chicago"),
        ("TX", 29146, "America/Chicago"), ("UT", 3272, "America/Denver"), ("VT", 643, "America/New_York"),
        ("VA", 8631, "America/New_York"), ("WA", 7705, "America/Los_Angeles"),
        ("WV", 1794, "America/New_York"),
        ("WI", 5894, "America/Chicago"), ("WY", 577, "America/Denver"),
    ]

    static let zoneByCode: [String: String] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0.zone) })
}
