// Generated from shared/data/holidays_sample.csv by the command in EmbeddedHolidayTable.swift; do not edit.
// Data: Robyn dt_prophet_holidays (facebookexperimental/Robyn, MIT License,
// Copyright (c) Meta Platforms, Inc. and affiliates).

extension EmbeddedHolidayTable {
    /// Lines 2001-2321 of the holidays CSV.
    static let part6 = #"""
        2019-01-01,New Year's Day,US,2019
        2019-01-21,Martin Luther King Jr. Day,US,2019
        2019-02-18,Washington's Birthday,US,2019
        2019-05-27,Memorial Day,US,2019
        2019-07-04,Independence Day,US,2019
        2019-09-02,Labor Day,US,2019
        2019-10-14,Columbus Day,US,2019
        2019-11-11,Veterans Day,US,2019
        2019-11-28,Thanksgiving,US,2019
        2019-12-25,Christmas Day,US,2019
        2020-01-01,New Year's Day,US,2020
        2020-01-20,Martin Luther King Jr. Day,US,2020
        2020-02-17,Washington's Birthday,US,2020
        2020-05-25,Memorial Day,US,2020
        2020-07-03,Independence Day (Observed),US,2020
        2020-07-04,Independence Day,US,2020
        2020-09-07,Labor Day,US,2020
        2020-10-12,Columbus Day,US,2020
        2020-11-11,Veterans Day,US,2020
        2020-11-26,Thanksgiving,US,2020
        2020-12-25,Christmas Day,US,2020
        2021-01-01,New Year's Day,US,2021
        2021-01-18,Martin Luther King Jr. Day,US,2021
        2021-02-15,Washington's Birthday,US,2021
        2021-05-31,Memorial Day,US,2021
        2021-06-18,Juneteenth National Independence Day (Observed),US,2021
        2021-06-19,Juneteenth National Independence Day,US,2021
        2021-07-04,Independence Day,US,2021
        2021-07-05,Independence Day (Observed),US,2021
        2021-09-06,Labor Day,US,2021
        2021-10-11,Columbus Day,US,2021
        2021-11-11,Veterans Day,US,2021
        2021-11-25,Thanksgiving,US,2021
        2021-12-24,Christmas Day (Observed),US,2021
        2021-12-25,Christmas Day,US,2021
        2021-12-31,New Year's Day (Observed),US,2021
        2022-01-01,New Year's Day,US,2022
        2022-01-17,Martin Luther King Jr. Day,US,2022
        2022-02-21,Washington's Birthday,US,2022
        2022-05-30,Memorial Day,US,2022
        2022-06-19,Juneteenth National Independence Day,US,2022
        2022-06-20,Juneteenth National Independence Day (Observed),US,2022
        2022-07-04,Independence Day,US,2022
        2022-09-05,Labor Day,US,2022
        2022-10-10,Columbus Day,US,2022
        2022-11-11,Veterans Day,US,2022
        2022-11-24,Thanksgiving,US,2022
        2022-12-25,Christmas Day,US,2022
        2022-12-26,Christmas Day (Observed),US,2022
        2023-01-01,New Year's Day,US,2023
        2023-01-02,New Year's Day (Observed),US,2023
        2023-01-16,Martin Luther King Jr. Day,US,2023
        2023-02-20,Washington's Birthday,US,2023
        2023-05-29,Memorial Day,US,2023
        2023-06-19,Juneteenth National Independence Day,US,2023
        2023-07-04,Independence Day,US,2023
        2023-09-04,Labor Day,US,2023
        2023-10-09,Columbus Day,US,2023
        2023-11-10,Veterans Day (Observed),US,2023
        2023-11-11,Veterans Day,US,2023
        2023-11-23,Thanksgiving,US,2023
        2023-12-25,Christmas Day,US,2023
        2024-01-01,New Year's Day,US,2024
        2024-01-15,Martin Luther King Jr. Day,US,2024
        2024-02-19,Washington's Birthday,US,2024
        2024-05-27,Memorial Day,US,2024
        2024-06-19,Juneteenth National Independence Day,US,2024
        2024-07-04,Independence Day,US,2024
        2024-09-02,Labor Day,US,2024
        2024-10-14,Columbus Day,US,2024
        2024-11-11,Veterans Day,US,2024
        2024-11-28,Thanksgiving,US,2024
        2024-12-25,Christmas Day,US,2024
        2025-01-01,New Year's Day,US,2025
        2025-01-20,Martin Luther King Jr. Day,US,2025
        2025-02-17,Washington's Birthday,US,2025
        2025-05-26,Memorial Day,US,2025
        2025-06-19,Juneteenth National Independence Day,US,2025
        2025-07-04,Independence Day,US,2025
        2025-09-01,Labor Day,US,2025
        2025-10-13,Columbus Day,US,2025
        2025-11-11,Veterans Day,US,2025
        2025-11-27,Thanksgiving,US,2025
        2025-12-25,Christmas Day,US,2025
        2026-01-01,New Year's Day,US,2026
        2026-01-19,Martin Luther King Jr. Day,US,2026
        2026-02-16,Washington's Birthday,US,2026
        2026-05-25,Memorial Day,US,2026
        2026-06-19,Juneteenth National Independence Day,US,2026
        2026-07-03,Independence Day (Observed),US,2026
        2026-07-04,Independence Day,US,2026
        2026-09-07,Labor Day,US,2026
        2026-10-12,Columbus Day,US,2026
        2026-11-11,Veterans Day,US,2026
        2026-11-26,Thanksgiving,US,2026
        2026-12-25,Christmas Day,US,2026
        2027-01-01,New Year's Day,US,2027
        2027-01-18,Martin Luther King Jr. Day,US,2027
        2027-02-15,Washington's Birthday,US,2027
        2027-05-31,Memorial Day,US,2027
        2027-06-18,Juneteenth National Independence Day (Observed),US,2027
        2027-06-19,Juneteenth National Independence Day,US,2027
        2027-07-04,Independence Day,US,2027
        2027-07-05,Independence Day (Observed),US,2027
        2027-09-06,Labor Day,US,2027
        2027-10-11,Columbus Day,US,2027
        2027-11-11,Veterans Day,US,2027
        2027-11-25,Thanksgiving,US,2027
        2027-12-24,Christmas Day (Observed),US,2027
        2027-12-25,Christmas Day,US,2027
        2027-12-31,New Year's Day (Observed),US,2027
        2028-01-01,New Year's Day,US,2028
        2028-01-17,Martin Luther King Jr. Day,US,2028
        2028-02-21,Washington's Birthday,US,2028
        2028-05-29,Memorial Day,US,2028
        2028-06-19,Juneteenth National Independence Day,US,2028
        2028-07-04,Independence Day,US,2028
        2028-09-04,Labor Day,US,2028
        2028-10-09,Columbus Day,US,2028
        2028-11-10,Veterans Day (Observed),US,2028
        2028-11-11,Veterans Day,US,2028
        2028-11-23,Thanksgiving,US,2028
        2028-12-25,Christmas Day,US,2028
        2029-01-01,New Year's Day,US,2029
        2029-01-15,Martin Luther King Jr. Day,US,2029
        2029-02-19,Washington's Birthday,US,2029
        2029-05-28,Memorial Day,US,2029
        2029-06-19,Juneteenth National Independence Day,US,2029
        2029-07-04,Independence Day,US,2029
        2029-09-03,Labor Day,US,2029
        2029-10-08,Columbus Day,US,2029
        2029-11-11,Veterans Day,US,2029
        2029-11-12,Veterans Day (Observed),US,2029
        2029-11-22,Thanksgiving,US,2029
        2029-12-25,Christmas Day,US,2029
        2030-01-01,New Year's Day,US,2030
        2030-01-21,Martin Luther King Jr. Day,US,2030
        2030-02-18,Washington's Birthday,US,2030
        2030-05-27,Memorial Day,US,2030
        2030-06-19,Juneteenth National Independence Day,US,2030
        2030-07-04,Independence Day,US,2030
        2030-09-02,Labor Day,US,2030
        2030-10-14,Columbus Day,US,2030
        2030-11-11,Veterans Day,US,2030
        2030-11-28,Thanksgiving,US,2030
        2030-12-25,Christmas Day,US,2030
        2031-01-01,New Year's Day,US,2031
        2031-01-20,Martin Luther King Jr. Day,US,2031
        2031-02-17,Washington's Birthday,US,2031
        2031-05-26,Memorial Day,US,2031
        2031-06-19,Juneteenth National Independence Day,US,2031
        2031-07-04,Independence Day,US,2031
        2031-09-01,Labor Day,US,2031
        2031-10-13,Columbus Day,US,2031
        2031-11-11,Veterans Day,US,2031
        2031-11-27,Thanksgiving,US,2031
        2031-12-25,Christmas Day,US,2031
        2032-01-01,New Year's Day,US,2032
        2032-01-19,Martin Luther King Jr. Day,US,2032
        2032-02-16,Washington's Birthday,US,2032
        2032-05-31,Memorial Day,US,2032
        2032-06-18,Juneteenth National Independence Day (Observed),US,2032
        2032-06-19,Juneteenth National Independence Day,US,2032
        2032-07-04,Independence Day,US,2032
        2032-07-05,Independence Day (Observed),US,2032
        2032-09-06,Labor Day,US,2032
        2032-10-11,Columbus Day,US,2032
        2032-11-11,Veterans Day,US,2032
        2032-11-25,Thanksgiving,US,2032
        2032-12-24,Christmas Day (Observed),US,2032
        2032-12-25,Christmas Day,US,2032
        2032-12-31,New Year's Day (Observed),US,2032
        2033-01-01,New Year's Day,US,2033
        2033-01-17,Martin Luther King Jr. Day,US,2033
        2033-02-21,Washington's Birthday,US,2033
        2033-05-30,Memorial Day,US,2033
        2033-06-19,Juneteenth National Independence Day,US,2033
        2033-06-20,Juneteenth National Independence Day (Observed),US,2033
        2033-07-04,Independence Day,US,2033
        2033-09-05,Labor Day,US,2033
        2033-10-10,Columbus Day,US,2033
        2033-11-11,Veterans Day,US,2033
        2033-11-24,Thanksgiving,US,2033
        2033-12-25,Christmas Day,US,2033
        2033-12-26,Christmas Day (Observed),US,2033
        2034-01-01,New Year's Day,US,2034
        2034-01-02,New Year's Day (Observed),US,2034
        2034-01-16,Martin Luther King Jr. Day,US,2034
        2034-02-20,Washington's Birthday,US,2034
        2034-05-29,Memorial Day,US,2034
        2034-06-19,Juneteenth National Independence Day,US,2034
        2034-07-04,Independence Day,US,2034
        2034-09-04,Labor Day,US,2034
        2034-10-09,Columbus Day,US,2034
        2034-11-10,Veterans Day (Observed),US,2034
        2034-11-11,Veterans Day,US,2034
        2034-11-23,Thanksgiving,US,2034
        2034-12-25,Christmas Day,US,2034
        2035-01-01,New Year's Day,US,2035
        2035-01-15,Martin Luther King Jr. Day,US,2035
        2035-02-19,Washington's Birthday,US,2035
        2035-05-28,Memorial Day,US,2035
        2035-06-19,Juneteenth National Independence Day,US,2035
        2035-07-04,Independence Day,US,2035
        2035-09-03,Labor Day,US,2035
        2035-10-08,Columbus Day,US,2035
        2035-11-11,Veterans Day,US,2035
        2035-11-12,Veterans Day (Observed),US,2035
        2035-11-22,Thanksgiving,US,2035
        2035-12-25,Christmas Day,US,2035
        2036-01-01,New Year's Day,US,2036
        2036-01-21,Martin Luther King Jr. Day,US,2036
        2036-02-18,Washington's Birthday,US,2036
        2036-05-26,Memorial Day,US,2036
        2036-06-19,Juneteenth National Independence Day,US,2036
        2036-07-04,Independence Day,US,2036
        2036-09-01,Labor Day,US,2036
        2036-10-13,Columbus Day,US,2036
        2036-11-11,Veterans Day,US,2036
        2036-11-27,Thanksgiving,US,2036
        2036-12-25,Christmas Day,US,2036
        2037-01-01,New Year's Day,US,2037
        2037-01-19,Martin Luther King Jr. Day,US,2037
        2037-02-16,Washington's Birthday,US,2037
        2037-05-25,Memorial Day,US,2037
        2037-06-19,Juneteenth National Independence Day,US,2037
        2037-07-03,Independence Day (Observed),US,2037
        2037-07-04,Independence Day,US,2037
        2037-09-07,Labor Day,US,2037
        2037-10-12,Columbus Day,US,2037
        2037-11-11,Veterans Day,US,2037
        2037-11-26,Thanksgiving,US,2037
        2037-12-25,Christmas Day,US,2037
        2038-01-01,New Year's Day,US,2038
        2038-01-18,Martin Luther King Jr. Day,US,2038
        2038-02-15,Washington's Birthday,US,2038
        2038-05-31,Memorial Day,US,2038
        2038-06-18,Juneteenth National Independence Day (Observed),US,2038
        2038-06-19,Juneteenth National Independence Day,US,2038
        2038-07-04,Independence Day,US,2038
        2038-07-05,Independence Day (Observed),US,2038
        2038-09-06,Labor Day,US,2038
        2038-10-11,Columbus Day,US,2038
        2038-11-11,Veterans Day,US,2038
        2038-11-25,Thanksgiving,US,2038
        2038-12-24,Christmas Day (Observed),US,2038
        2038-12-25,Christmas Day,US,2038
        2038-12-31,New Year's Day (Observed),US,2038
        2039-01-01,New Year's Day,US,2039
        2039-01-17,Martin Luther King Jr. Day,US,2039
        2039-02-21,Washington's Birthday,US,2039
        2039-05-30,Memorial Day,US,2039
        2039-06-19,Juneteenth National Independence Day,US,2039
        2039-06-20,Juneteenth National Independence Day (Observed),US,2039
        2039-07-04,Independence Day,US,2039
        2039-09-05,Labor Day,US,2039
        2039-10-10,Columbus Day,US,2039
        2039-11-11,Veterans Day,US,2039
        2039-11-24,Thanksgiving,US,2039
        2039-12-25,Christmas Day,US,2039
        2039-12-26,Christmas Day (Observed),US,2039
        2040-01-01,New Year's Day,US,2040
        2040-01-02,New Year's Day (Observed),US,2040
        2040-01-16,Martin Luther King Jr. Day,US,2040
        2040-02-20,Washington's Birthday,US,2040
        2040-05-28,Memorial Day,US,2040
        2040-06-19,Juneteenth National Independence Day,US,2040
        2040-07-04,Independence Day,US,2040
        2040-09-03,Labor Day,US,2040
        2040-10-08,Columbus Day,US,2040
        2040-11-11,Veterans Day,US,2040
        2040-11-12,Veterans Day (Observed),US,2040
        2040-11-22,Thanksgiving,US,2040
        2040-12-25,Christmas Day,US,2040
        2041-01-01,New Year's Day,US,2041
        2041-01-21,Martin Luther King Jr. Day,US,2041
        2041-02-18,Washington's Birthday,US,2041
        2041-05-27,Memorial Day,US,2041
        2041-06-19,Juneteenth National Independence Day,US,2041
        2041-07-04,Independence Day,US,2041
        2041-09-02,Labor Day,US,2041
        2041-10-14,Columbus Day,US,2041
        2041-11-11,Veterans Day,US,2041
        2041-11-28,Thanksgiving,US,2041
        2041-12-25,Christmas Day,US,2041
        2042-01-01,New Year's Day,US,2042
        2042-01-20,Martin Luther King Jr. Day,US,2042
        2042-02-17,Washington's Birthday,US,2042
        2042-05-26,Memorial Day,US,2042
        2042-06-19,Juneteenth National Independence Day,US,2042
        2042-07-04,Independence Day,US,2042
        2042-09-01,Labor Day,US,2042
        2042-10-13,Columbus Day,US,2042
        2042-11-11,Veterans Day,US,2042
        2042-11-27,Thanksgiving,US,2042
        2042-12-25,Christmas Day,US,2042
        2043-01-01,New Year's Day,US,2043
        2043-01-19,Martin Luther King Jr. Day,US,2043
        2043-02-16,Washington's Birthday,US,2043
        2043-05-25,Memorial Day,US,2043
        2043-06-19,Juneteenth National Independence Day,US,2043
        2043-07-03,Independence Day (Observed),US,2043
        2043-07-04,Independence Day,US,2043
        2043-09-07,Labor Day,US,2043
        2043-10-12,Columbus Day,US,2043
        2043-11-11,Veterans Day,US,2043
        2043-11-26,Thanksgiving,US,2043
        2043-12-25,Christmas Day,US,2043
        2044-01-01,New Year's Day,US,2044
        2044-01-18,Martin Luther King Jr. Day,US,2044
        2044-02-15,Washington's Birthday,US,2044
        2044-05-30,Memorial Day,US,2044
        2044-06-19,Juneteenth National Independence Day,US,2044
        2044-06-20,Juneteenth National Independence Day (Observed),US,2044
        2044-07-04,Independence Day,US,2044
        2044-09-05,Labor Day,US,2044
        2044-10-10,Columbus Day,US,2044
        2044-11-11,Veterans Day,US,2044
        2044-11-24,Thanksgiving,US,2044
        2044-12-25,Christmas Day,US,2044
        2044-12-26,Christmas Day (Observed),US,2044
        """#
}
