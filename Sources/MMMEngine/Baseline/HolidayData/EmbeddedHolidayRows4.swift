// Generated from shared/data/holidays_sample.csv by the command in EmbeddedHolidayTable.swift; do not edit.
// Data: Robyn dt_prophet_holidays (facebookexperimental/Robyn, MIT License,
// Copyright (c) Meta Platforms, Inc. and affiliates).

extension EmbeddedHolidayTable {
    /// Lines 1201-1600 of the holidays CSV.
    static let part4 = #"""
        2008-12-25,Christmas Day,GB,2008
        2008-12-26,Boxing Day,GB,2008
        2009-01-01,New Year's Day,GB,2009
        2009-01-02,New Year Holiday [Scotland],GB,2009
        2009-03-17,St. Patrick's Day [Northern Ireland],GB,2009
        2009-04-10,Good Friday,GB,2009
        2009-04-13,Easter Monday [England/Wales/Northern Ireland],GB,2009
        2009-05-04,May Day,GB,2009
        2009-05-25,Spring Bank Holiday,GB,2009
        2009-07-12,Battle of the Boyne [Northern Ireland],GB,2009
        2009-08-03,Summer Bank Holiday [Scotland],GB,2009
        2009-08-31,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2009
        2009-11-30,St. Andrew's Day [Scotland],GB,2009
        2009-12-25,Christmas Day,GB,2009
        2009-12-26,Boxing Day,GB,2009
        2009-12-28,Boxing Day (Observed),GB,2009
        2010-01-01,New Year's Day,GB,2010
        2010-01-02,New Year Holiday [Scotland],GB,2010
        2010-01-04,New Year Holiday [Scotland] (Observed),GB,2010
        2010-03-17,St. Patrick's Day [Northern Ireland],GB,2010
        2010-04-02,Good Friday,GB,2010
        2010-04-05,Easter Monday [England/Wales/Northern Ireland],GB,2010
        2010-05-03,May Day,GB,2010
        2010-05-31,Spring Bank Holiday,GB,2010
        2010-07-12,Battle of the Boyne [Northern Ireland],GB,2010
        2010-08-02,Summer Bank Holiday [Scotland],GB,2010
        2010-08-30,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2010
        2010-11-30,St. Andrew's Day [Scotland],GB,2010
        2010-12-25,Christmas Day,GB,2010
        2010-12-26,Boxing Day,GB,2010
        2010-12-27,Christmas Day (Observed),GB,2010
        2010-12-28,Boxing Day (Observed),GB,2010
        2011-01-01,New Year's Day,GB,2011
        2011-01-02,New Year Holiday [Scotland],GB,2011
        2011-01-03,New Year's Day (Observed),GB,2011
        2011-01-04,New Year Holiday [Scotland] (Observed),GB,2011
        2011-03-17,St. Patrick's Day [Northern Ireland],GB,2011
        2011-04-22,Good Friday,GB,2011
        2011-04-25,Easter Monday [England/Wales/Northern Ireland],GB,2011
        2011-04-29,Wedding of William and Catherine,GB,2011
        2011-05-02,May Day,GB,2011
        2011-05-30,Spring Bank Holiday,GB,2011
        2011-07-12,Battle of the Boyne [Northern Ireland],GB,2011
        2011-08-01,Summer Bank Holiday [Scotland],GB,2011
        2011-08-29,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2011
        2011-11-30,St. Andrew's Day [Scotland],GB,2011
        2011-12-25,Christmas Day,GB,2011
        2011-12-26,Boxing Day,GB,2011
        2011-12-27,Christmas Day (Observed),GB,2011
        2012-01-01,New Year's Day,GB,2012
        2012-01-02,New Year Holiday [Scotland],GB,2012
        2012-01-02,New Year's Day (Observed),GB,2012
        2012-01-03,New Year Holiday [Scotland] (Observed),GB,2012
        2012-03-17,St. Patrick's Day [Northern Ireland],GB,2012
        2012-03-19,St. Patrick's Day [Northern Ireland] (Observed),GB,2012
        2012-04-06,Good Friday,GB,2012
        2012-04-09,Easter Monday [England/Wales/Northern Ireland],GB,2012
        2012-05-07,May Day,GB,2012
        2012-06-04,Spring Bank Holiday,GB,2012
        2012-06-05,Diamond Jubilee of Elizabeth II,GB,2012
        2012-07-12,Battle of the Boyne [Northern Ireland],GB,2012
        2012-08-06,Summer Bank Holiday [Scotland],GB,2012
        2012-08-27,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2012
        2012-11-30,St. Andrew's Day [Scotland],GB,2012
        2012-12-25,Christmas Day,GB,2012
        2012-12-26,Boxing Day,GB,2012
        2013-01-01,New Year's Day,GB,2013
        2013-01-02,New Year Holiday [Scotland],GB,2013
        2013-03-17,St. Patrick's Day [Northern Ireland],GB,2013
        2013-03-18,St. Patrick's Day [Northern Ireland] (Observed),GB,2013
        2013-03-29,Good Friday,GB,2013
        2013-04-01,Easter Monday [England/Wales/Northern Ireland],GB,2013
        2013-05-06,May Day,GB,2013
        2013-05-27,Spring Bank Holiday,GB,2013
        2013-07-12,Battle of the Boyne [Northern Ireland],GB,2013
        2013-08-05,Summer Bank Holiday [Scotland],GB,2013
        2013-08-26,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2013
        2013-11-30,St. Andrew's Day [Scotland],GB,2013
        2013-12-25,Christmas Day,GB,2013
        2013-12-26,Boxing Day,GB,2013
        2014-01-01,New Year's Day,GB,2014
        2014-01-02,New Year Holiday [Scotland],GB,2014
        2014-03-17,St. Patrick's Day [Northern Ireland],GB,2014
        2014-04-18,Good Friday,GB,2014
        2014-04-21,Easter Monday [England/Wales/Northern Ireland],GB,2014
        2014-05-05,May Day,GB,2014
        2014-05-26,Spring Bank Holiday,GB,2014
        2014-07-12,Battle of the Boyne [Northern Ireland],GB,2014
        2014-08-04,Summer Bank Holiday [Scotland],GB,2014
        2014-08-25,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2014
        2014-11-30,St. Andrew's Day [Scotland],GB,2014
        2014-12-25,Christmas Day,GB,2014
        2014-12-26,Boxing Day,GB,2014
        2015-01-01,New Year's Day,GB,2015
        2015-01-02,New Year Holiday [Scotland],GB,2015
        2015-03-17,St. Patrick's Day [Northern Ireland],GB,2015
        2015-04-03,Good Friday,GB,2015
        2015-04-06,Easter Monday [England/Wales/Northern Ireland],GB,2015
        2015-05-04,May Day,GB,2015
        2015-05-25,Spring Bank Holiday,GB,2015
        2015-07-12,Battle of the Boyne [Northern Ireland],GB,2015
        2015-08-03,Summer Bank Holiday [Scotland],GB,2015
        2015-08-31,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2015
        2015-11-30,St. Andrew's Day [Scotland],GB,2015
        2015-12-25,Christmas Day,GB,2015
        2015-12-26,Boxing Day,GB,2015
        2015-12-28,Boxing Day (Observed),GB,2015
        2016-01-01,New Year's Day,GB,2016
        2016-01-02,New Year Holiday [Scotland],GB,2016
        2016-01-04,New Year Holiday [Scotland] (Observed),GB,2016
        2016-03-17,St. Patrick's Day [Northern Ireland],GB,2016
        2016-03-25,Good Friday,GB,2016
        2016-03-28,Easter Monday [England/Wales/Northern Ireland],GB,2016
        2016-05-02,May Day,GB,2016
        2016-05-30,Spring Bank Holiday,GB,2016
        2016-07-12,Battle of the Boyne [Northern Ireland],GB,2016
        2016-08-01,Summer Bank Holiday [Scotland],GB,2016
        2016-08-29,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2016
        2016-11-30,St. Andrew's Day [Scotland],GB,2016
        2016-12-25,Christmas Day,GB,2016
        2016-12-26,Boxing Day,GB,2016
        2016-12-27,Christmas Day (Observed),GB,2016
        2017-01-01,New Year's Day,GB,2017
        2017-01-02,New Year Holiday [Scotland],GB,2017
        2017-01-02,New Year's Day (Observed),GB,2017
        2017-01-03,New Year Holiday [Scotland] (Observed),GB,2017
        2017-03-17,St. Patrick's Day [Northern Ireland],GB,2017
        2017-04-14,Good Friday,GB,2017
        2017-04-17,Easter Monday [England/Wales/Northern Ireland],GB,2017
        2017-05-01,May Day,GB,2017
        2017-05-29,Spring Bank Holiday,GB,2017
        2017-07-12,Battle of the Boyne [Northern Ireland],GB,2017
        2017-08-07,Summer Bank Holiday [Scotland],GB,2017
        2017-08-28,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2017
        2017-11-30,St. Andrew's Day [Scotland],GB,2017
        2017-12-25,Christmas Day,GB,2017
        2017-12-26,Boxing Day,GB,2017
        2018-01-01,New Year's Day,GB,2018
        2018-01-02,New Year Holiday [Scotland],GB,2018
        2018-03-17,St. Patrick's Day [Northern Ireland],GB,2018
        2018-03-19,St. Patrick's Day [Northern Ireland] (Observed),GB,2018
        2018-03-30,Good Friday,GB,2018
        2018-04-02,Easter Monday [England/Wales/Northern Ireland],GB,2018
        2018-05-07,May Day,GB,2018
        2018-05-28,Spring Bank Holiday,GB,2018
        2018-07-12,Battle of the Boyne [Northern Ireland],GB,2018
        2018-08-06,Summer Bank Holiday [Scotland],GB,2018
        2018-08-27,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2018
        2018-11-30,St. Andrew's Day [Scotland],GB,2018
        2018-12-25,Christmas Day,GB,2018
        2018-12-26,Boxing Day,GB,2018
        2019-01-01,New Year's Day,GB,2019
        2019-01-02,New Year Holiday [Scotland],GB,2019
        2019-03-17,St. Patrick's Day [Northern Ireland],GB,2019
        2019-03-18,St. Patrick's Day [Northern Ireland] (Observed),GB,2019
        2019-04-19,Good Friday,GB,2019
        2019-04-22,Easter Monday [England/Wales/Northern Ireland],GB,2019
        2019-05-06,May Day,GB,2019
        2019-05-27,Spring Bank Holiday,GB,2019
        2019-07-12,Battle of the Boyne [Northern Ireland],GB,2019
        2019-08-05,Summer Bank Holiday [Scotland],GB,2019
        2019-08-26,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2019
        2019-11-30,St. Andrew's Day [Scotland],GB,2019
        2019-12-25,Christmas Day,GB,2019
        2019-12-26,Boxing Day,GB,2019
        2020-01-01,New Year's Day,GB,2020
        2020-01-02,New Year Holiday [Scotland],GB,2020
        2020-03-17,St. Patrick's Day [Northern Ireland],GB,2020
        2020-04-10,Good Friday,GB,2020
        2020-04-13,Easter Monday [England/Wales/Northern Ireland],GB,2020
        2020-05-08,May Day,GB,2020
        2020-05-25,Spring Bank Holiday,GB,2020
        2020-07-12,Battle of the Boyne [Northern Ireland],GB,2020
        2020-08-03,Summer Bank Holiday [Scotland],GB,2020
        2020-08-31,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2020
        2020-11-30,St. Andrew's Day [Scotland],GB,2020
        2020-12-25,Christmas Day,GB,2020
        2020-12-26,Boxing Day,GB,2020
        2020-12-28,Boxing Day (Observed),GB,2020
        2021-01-01,New Year's Day,GB,2021
        2021-01-02,New Year Holiday [Scotland],GB,2021
        2021-01-04,New Year Holiday [Scotland] (Observed),GB,2021
        2021-03-17,St. Patrick's Day [Northern Ireland],GB,2021
        2021-04-02,Good Friday,GB,2021
        2021-04-05,Easter Monday [England/Wales/Northern Ireland],GB,2021
        2021-05-03,May Day,GB,2021
        2021-05-31,Spring Bank Holiday,GB,2021
        2021-07-12,Battle of the Boyne [Northern Ireland],GB,2021
        2021-08-02,Summer Bank Holiday [Scotland],GB,2021
        2021-08-30,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2021
        2021-11-30,St. Andrew's Day [Scotland],GB,2021
        2021-12-25,Christmas Day,GB,2021
        2021-12-26,Boxing Day,GB,2021
        2021-12-27,Christmas Day (Observed),GB,2021
        2021-12-28,Boxing Day (Observed),GB,2021
        2022-01-01,New Year's Day,GB,2022
        2022-01-02,New Year Holiday [Scotland],GB,2022
        2022-01-03,New Year's Day (Observed),GB,2022
        2022-01-04,New Year Holiday [Scotland] (Observed),GB,2022
        2022-03-17,St. Patrick's Day [Northern Ireland],GB,2022
        2022-04-15,Good Friday,GB,2022
        2022-04-18,Easter Monday [England/Wales/Northern Ireland],GB,2022
        2022-05-02,May Day,GB,2022
        2022-06-02,Spring Bank Holiday,GB,2022
        2022-06-03,Platinum Jubilee of Elizabeth II,GB,2022
        2022-07-12,Battle of the Boyne [Northern Ireland],GB,2022
        2022-08-01,Summer Bank Holiday [Scotland],GB,2022
        2022-08-29,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2022
        2022-09-19,State Funeral of Queen Elizabeth II,GB,2022
        2022-11-30,St. Andrew's Day [Scotland],GB,2022
        2022-12-25,Christmas Day,GB,2022
        2022-12-26,Boxing Day,GB,2022
        2022-12-27,Christmas Day (Observed),GB,2022
        2023-01-01,New Year's Day,GB,2023
        2023-01-02,New Year Holiday [Scotland],GB,2023
        2023-01-02,New Year's Day (Observed),GB,2023
        2023-01-03,New Year Holiday [Scotland] (Observed),GB,2023
        2023-03-17,St. Patrick's Day [Northern Ireland],GB,2023
        2023-04-07,Good Friday,GB,2023
        2023-04-10,Easter Monday [England/Wales/Northern Ireland],GB,2023
        2023-05-01,May Day,GB,2023
        2023-05-08,Coronation of Charles III,GB,2023
        2023-05-29,Spring Bank Holiday,GB,2023
        2023-07-12,Battle of the Boyne [Northern Ireland],GB,2023
        2023-08-07,Summer Bank Holiday [Scotland],GB,2023
        2023-08-28,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2023
        2023-11-30,St. Andrew's Day [Scotland],GB,2023
        2023-12-25,Christmas Day,GB,2023
        2023-12-26,Boxing Day,GB,2023
        2024-01-01,New Year's Day,GB,2024
        2024-01-02,New Year Holiday [Scotland],GB,2024
        2024-03-17,St. Patrick's Day [Northern Ireland],GB,2024
        2024-03-18,St. Patrick's Day [Northern Ireland] (Observed),GB,2024
        2024-03-29,Good Friday,GB,2024
        2024-04-01,Easter Monday [England/Wales/Northern Ireland],GB,2024
        2024-05-06,May Day,GB,2024
        2024-05-27,Spring Bank Holiday,GB,2024
        2024-07-12,Battle of the Boyne [Northern Ireland],GB,2024
        2024-08-05,Summer Bank Holiday [Scotland],GB,2024
        2024-08-26,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2024
        2024-11-30,St. Andrew's Day [Scotland],GB,2024
        2024-12-25,Christmas Day,GB,2024
        2024-12-26,Boxing Day,GB,2024
        2025-01-01,New Year's Day,GB,2025
        2025-01-02,New Year Holiday [Scotland],GB,2025
        2025-03-17,St. Patrick's Day [Northern Ireland],GB,2025
        2025-04-18,Good Friday,GB,2025
        2025-04-21,Easter Monday [England/Wales/Northern Ireland],GB,2025
        2025-05-05,May Day,GB,2025
        2025-05-26,Spring Bank Holiday,GB,2025
        2025-07-12,Battle of the Boyne [Northern Ireland],GB,2025
        2025-08-04,Summer Bank Holiday [Scotland],GB,2025
        2025-08-25,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2025
        2025-11-30,St. Andrew's Day [Scotland],GB,2025
        2025-12-25,Christmas Day,GB,2025
        2025-12-26,Boxing Day,GB,2025
        2026-01-01,New Year's Day,GB,2026
        2026-01-02,New Year Holiday [Scotland],GB,2026
        2026-03-17,St. Patrick's Day [Northern Ireland],GB,2026
        2026-04-03,Good Friday,GB,2026
        2026-04-06,Easter Monday [England/Wales/Northern Ireland],GB,2026
        2026-05-04,May Day,GB,2026
        2026-05-25,Spring Bank Holiday,GB,2026
        2026-07-12,Battle of the Boyne [Northern Ireland],GB,2026
        2026-08-03,Summer Bank Holiday [Scotland],GB,2026
        2026-08-31,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2026
        2026-11-30,St. Andrew's Day [Scotland],GB,2026
        2026-12-25,Christmas Day,GB,2026
        2026-12-26,Boxing Day,GB,2026
        2026-12-28,Boxing Day (Observed),GB,2026
        2027-01-01,New Year's Day,GB,2027
        2027-01-02,New Year Holiday [Scotland],GB,2027
        2027-01-04,New Year Holiday [Scotland] (Observed),GB,2027
        2027-03-17,St. Patrick's Day [Northern Ireland],GB,2027
        2027-03-26,Good Friday,GB,2027
        2027-03-29,Easter Monday [England/Wales/Northern Ireland],GB,2027
        2027-05-03,May Day,GB,2027
        2027-05-31,Spring Bank Holiday,GB,2027
        2027-07-12,Battle of the Boyne [Northern Ireland],GB,2027
        2027-08-02,Summer Bank Holiday [Scotland],GB,2027
        2027-08-30,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2027
        2027-11-30,St. Andrew's Day [Scotland],GB,2027
        2027-12-25,Christmas Day,GB,2027
        2027-12-26,Boxing Day,GB,2027
        2027-12-27,Christmas Day (Observed),GB,2027
        2027-12-28,Boxing Day (Observed),GB,2027
        2028-01-01,New Year's Day,GB,2028
        2028-01-02,New Year Holiday [Scotland],GB,2028
        2028-01-03,New Year's Day (Observed),GB,2028
        2028-01-04,New Year Holiday [Scotland] (Observed),GB,2028
        2028-03-17,St. Patrick's Day [Northern Ireland],GB,2028
        2028-04-14,Good Friday,GB,2028
        2028-04-17,Easter Monday [England/Wales/Northern Ireland],GB,2028
        2028-05-01,May Day,GB,2028
        2028-05-29,Spring Bank Holiday,GB,2028
        2028-07-12,Battle of the Boyne [Northern Ireland],GB,2028
        2028-08-07,Summer Bank Holiday [Scotland],GB,2028
        2028-08-28,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2028
        2028-11-30,St. Andrew's Day [Scotland],GB,2028
        2028-12-25,Christmas Day,GB,2028
        2028-12-26,Boxing Day,GB,2028
        2029-01-01,New Year's Day,GB,2029
        2029-01-02,New Year Holiday [Scotland],GB,2029
        2029-03-17,St. Patrick's Day [Northern Ireland],GB,2029
        2029-03-19,St. Patrick's Day [Northern Ireland] (Observed),GB,2029
        2029-03-30,Good Friday,GB,2029
        2029-04-02,Easter Monday [England/Wales/Northern Ireland],GB,2029
        2029-05-07,May Day,GB,2029
        2029-05-28,Spring Bank Holiday,GB,2029
        2029-07-12,Battle of the Boyne [Northern Ireland],GB,2029
        2029-08-06,Summer Bank Holiday [Scotland],GB,2029
        2029-08-27,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2029
        2029-11-30,St. Andrew's Day [Scotland],GB,2029
        2029-12-25,Christmas Day,GB,2029
        2029-12-26,Boxing Day,GB,2029
        2030-01-01,New Year's Day,GB,2030
        2030-01-02,New Year Holiday [Scotland],GB,2030
        2030-03-17,St. Patrick's Day [Northern Ireland],GB,2030
        2030-03-18,St. Patrick's Day [Northern Ireland] (Observed),GB,2030
        2030-04-19,Good Friday,GB,2030
        2030-04-22,Easter Monday [England/Wales/Northern Ireland],GB,2030
        2030-05-06,May Day,GB,2030
        2030-05-27,Spring Bank Holiday,GB,2030
        2030-07-12,Battle of the Boyne [Northern Ireland],GB,2030
        2030-08-05,Summer Bank Holiday [Scotland],GB,2030
        2030-08-26,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2030
        2030-11-30,St. Andrew's Day [Scotland],GB,2030
        2030-12-25,Christmas Day,GB,2030
        2030-12-26,Boxing Day,GB,2030
        2031-01-01,New Year's Day,GB,2031
        2031-01-02,New Year Holiday [Scotland],GB,2031
        2031-03-17,St. Patrick's Day [Northern Ireland],GB,2031
        2031-04-11,Good Friday,GB,2031
        2031-04-14,Easter Monday [England/Wales/Northern Ireland],GB,2031
        2031-05-05,May Day,GB,2031
        2031-05-26,Spring Bank Holiday,GB,2031
        2031-07-12,Battle of the Boyne [Northern Ireland],GB,2031
        2031-08-04,Summer Bank Holiday [Scotland],GB,2031
        2031-08-25,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2031
        2031-11-30,St. Andrew's Day [Scotland],GB,2031
        2031-12-25,Christmas Day,GB,2031
        2031-12-26,Boxing Day,GB,2031
        2032-01-01,New Year's Day,GB,2032
        2032-01-02,New Year Holiday [Scotland],GB,2032
        2032-03-17,St. Patrick's Day [Northern Ireland],GB,2032
        2032-03-26,Good Friday,GB,2032
        2032-03-29,Easter Monday [England/Wales/Northern Ireland],GB,2032
        2032-05-03,May Day,GB,2032
        2032-05-31,Spring Bank Holiday,GB,2032
        2032-07-12,Battle of the Boyne [Northern Ireland],GB,2032
        2032-08-02,Summer Bank Holiday [Scotland],GB,2032
        2032-08-30,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2032
        2032-11-30,St. Andrew's Day [Scotland],GB,2032
        2032-12-25,Christmas Day,GB,2032
        2032-12-26,Boxing Day,GB,2032
        2032-12-27,Christmas Day (Observed),GB,2032
        2032-12-28,Boxing Day (Observed),GB,2032
        2033-01-01,New Year's Day,GB,2033
        2033-01-02,New Year Holiday [Scotland],GB,2033
        2033-01-03,New Year's Day (Observed),GB,2033
        2033-01-04,New Year Holiday [Scotland] (Observed),GB,2033
        2033-03-17,St. Patrick's Day [Northern Ireland],GB,2033
        2033-04-15,Good Friday,GB,2033
        2033-04-18,Easter Monday [England/Wales/Northern Ireland],GB,2033
        2033-05-02,May Day,GB,2033
        2033-05-30,Spring Bank Holiday,GB,2033
        2033-07-12,Battle of the Boyne [Northern Ireland],GB,2033
        2033-08-01,Summer Bank Holiday [Scotland],GB,2033
        2033-08-29,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2033
        2033-11-30,St. Andrew's Day [Scotland],GB,2033
        2033-12-25,Christmas Day,GB,2033
        2033-12-26,Boxing Day,GB,2033
        2033-12-27,Christmas Day (Observed),GB,2033
        2034-01-01,New Year's Day,GB,2034
        2034-01-02,New Year Holiday [Scotland],GB,2034
        2034-01-02,New Year's Day (Observed),GB,2034
        2034-01-03,New Year Holiday [Scotland] (Observed),GB,2034
        2034-03-17,St. Patrick's Day [Northern Ireland],GB,2034
        2034-04-07,Good Friday,GB,2034
        2034-04-10,Easter Monday [England/Wales/Northern Ireland],GB,2034
        2034-05-01,May Day,GB,2034
        2034-05-29,Spring Bank Holiday,GB,2034
        2034-07-12,Battle of the Boyne [Northern Ireland],GB,2034
        2034-08-07,Summer Bank Holiday [Scotland],GB,2034
        2034-08-28,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2034
        2034-11-30,St. Andrew's Day [Scotland],GB,2034
        2034-12-25,Christmas Day,GB,2034
        2034-12-26,Boxing Day,GB,2034
        2035-01-01,New Year's Day,GB,2035
        2035-01-02,New Year Holiday [Scotland],GB,2035
        2035-03-17,St. Patrick's Day [Northern Ireland],GB,2035
        2035-03-19,St. Patrick's Day [Northern Ireland] (Observed),GB,2035
        2035-03-23,Good Friday,GB,2035
        2035-03-26,Easter Monday [England/Wales/Northern Ireland],GB,2035
        2035-05-07,May Day,GB,2035
        2035-05-28,Spring Bank Holiday,GB,2035
        2035-07-12,Battle of the Boyne [Northern Ireland],GB,2035
        2035-08-06,Summer Bank Holiday [Scotland],GB,2035
        2035-08-27,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2035
        2035-11-30,St. Andrew's Day [Scotland],GB,2035
        """#
}
