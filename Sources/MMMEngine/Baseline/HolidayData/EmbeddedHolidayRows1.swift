// Generated from shared/data/holidays_sample.csv by the command in EmbeddedHolidayTable.swift; do not edit.
// Data: Robyn dt_prophet_holidays (facebookexperimental/Robyn, MIT License,
// Copyright (c) Meta Platforms, Inc. and affiliates).

extension EmbeddedHolidayTable {
    /// Lines 1-400 of the holidays CSV.
    static let part1 = #"""
        ds,holiday,country,year
        1995-01-01,New Year's Day,DE,1995
        1995-04-14,Good Friday,DE,1995
        1995-04-17,Easter Monday,DE,1995
        1995-05-01,Labor Day,DE,1995
        1995-05-25,Ascension Day,DE,1995
        1995-06-05,Whit Monday,DE,1995
        1995-10-03,German Unity Day,DE,1995
        1995-12-25,Christmas Day,DE,1995
        1995-12-26,Second Day of Christmas,DE,1995
        1996-01-01,New Year's Day,DE,1996
        1996-04-05,Good Friday,DE,1996
        1996-04-08,Easter Monday,DE,1996
        1996-05-01,Labor Day,DE,1996
        1996-05-16,Ascension Day,DE,1996
        1996-05-27,Whit Monday,DE,1996
        1996-10-03,German Unity Day,DE,1996
        1996-12-25,Christmas Day,DE,1996
        1996-12-26,Second Day of Christmas,DE,1996
        1997-01-01,New Year's Day,DE,1997
        1997-03-28,Good Friday,DE,1997
        1997-03-31,Easter Monday,DE,1997
        1997-05-01,Labor Day,DE,1997
        1997-05-08,Ascension Day,DE,1997
        1997-05-19,Whit Monday,DE,1997
        1997-10-03,German Unity Day,DE,1997
        1997-12-25,Christmas Day,DE,1997
        1997-12-26,Second Day of Christmas,DE,1997
        1998-01-01,New Year's Day,DE,1998
        1998-04-10,Good Friday,DE,1998
        1998-04-13,Easter Monday,DE,1998
        1998-05-01,Labor Day,DE,1998
        1998-05-21,Ascension Day,DE,1998
        1998-06-01,Whit Monday,DE,1998
        1998-10-03,German Unity Day,DE,1998
        1998-12-25,Christmas Day,DE,1998
        1998-12-26,Second Day of Christmas,DE,1998
        1999-01-01,New Year's Day,DE,1999
        1999-04-02,Good Friday,DE,1999
        1999-04-05,Easter Monday,DE,1999
        1999-05-01,Labor Day,DE,1999
        1999-05-13,Ascension Day,DE,1999
        1999-05-24,Whit Monday,DE,1999
        1999-10-03,German Unity Day,DE,1999
        1999-12-25,Christmas Day,DE,1999
        1999-12-26,Second Day of Christmas,DE,1999
        2000-01-01,New Year's Day,DE,2000
        2000-04-21,Good Friday,DE,2000
        2000-04-24,Easter Monday,DE,2000
        2000-05-01,Labor Day,DE,2000
        2000-06-01,Ascension Day,DE,2000
        2000-06-12,Whit Monday,DE,2000
        2000-10-03,German Unity Day,DE,2000
        2000-12-25,Christmas Day,DE,2000
        2000-12-26,Second Day of Christmas,DE,2000
        2001-01-01,New Year's Day,DE,2001
        2001-04-13,Good Friday,DE,2001
        2001-04-16,Easter Monday,DE,2001
        2001-05-01,Labor Day,DE,2001
        2001-05-24,Ascension Day,DE,2001
        2001-06-04,Whit Monday,DE,2001
        2001-10-03,German Unity Day,DE,2001
        2001-12-25,Christmas Day,DE,2001
        2001-12-26,Second Day of Christmas,DE,2001
        2002-01-01,New Year's Day,DE,2002
        2002-03-29,Good Friday,DE,2002
        2002-04-01,Easter Monday,DE,2002
        2002-05-01,Labor Day,DE,2002
        2002-05-09,Ascension Day,DE,2002
        2002-05-20,Whit Monday,DE,2002
        2002-10-03,German Unity Day,DE,2002
        2002-12-25,Christmas Day,DE,2002
        2002-12-26,Second Day of Christmas,DE,2002
        2003-01-01,New Year's Day,DE,2003
        2003-04-18,Good Friday,DE,2003
        2003-04-21,Easter Monday,DE,2003
        2003-05-01,Labor Day,DE,2003
        2003-05-29,Ascension Day,DE,2003
        2003-06-09,Whit Monday,DE,2003
        2003-10-03,German Unity Day,DE,2003
        2003-12-25,Christmas Day,DE,2003
        2003-12-26,Second Day of Christmas,DE,2003
        2004-01-01,New Year's Day,DE,2004
        2004-04-09,Good Friday,DE,2004
        2004-04-12,Easter Monday,DE,2004
        2004-05-01,Labor Day,DE,2004
        2004-05-20,Ascension Day,DE,2004
        2004-05-31,Whit Monday,DE,2004
        2004-10-03,German Unity Day,DE,2004
        2004-12-25,Christmas Day,DE,2004
        2004-12-26,Second Day of Christmas,DE,2004
        2005-01-01,New Year's Day,DE,2005
        2005-03-25,Good Friday,DE,2005
        2005-03-28,Easter Monday,DE,2005
        2005-05-01,Labor Day,DE,2005
        2005-05-05,Ascension Day,DE,2005
        2005-05-16,Whit Monday,DE,2005
        2005-10-03,German Unity Day,DE,2005
        2005-12-25,Christmas Day,DE,2005
        2005-12-26,Second Day of Christmas,DE,2005
        2006-01-01,New Year's Day,DE,2006
        2006-04-14,Good Friday,DE,2006
        2006-04-17,Easter Monday,DE,2006
        2006-05-01,Labor Day,DE,2006
        2006-05-25,Ascension Day,DE,2006
        2006-06-05,Whit Monday,DE,2006
        2006-10-03,German Unity Day,DE,2006
        2006-12-25,Christmas Day,DE,2006
        2006-12-26,Second Day of Christmas,DE,2006
        2007-01-01,New Year's Day,DE,2007
        2007-04-06,Good Friday,DE,2007
        2007-04-09,Easter Monday,DE,2007
        2007-05-01,Labor Day,DE,2007
        2007-05-17,Ascension Day,DE,2007
        2007-05-28,Whit Monday,DE,2007
        2007-10-03,German Unity Day,DE,2007
        2007-12-25,Christmas Day,DE,2007
        2007-12-26,Second Day of Christmas,DE,2007
        2008-01-01,New Year's Day,DE,2008
        2008-03-21,Good Friday,DE,2008
        2008-03-24,Easter Monday,DE,2008
        2008-05-01,Ascension Day,DE,2008
        2008-05-01,Labor Day,DE,2008
        2008-05-12,Whit Monday,DE,2008
        2008-10-03,German Unity Day,DE,2008
        2008-12-25,Christmas Day,DE,2008
        2008-12-26,Second Day of Christmas,DE,2008
        2009-01-01,New Year's Day,DE,2009
        2009-04-10,Good Friday,DE,2009
        2009-04-13,Easter Monday,DE,2009
        2009-05-01,Labor Day,DE,2009
        2009-05-21,Ascension Day,DE,2009
        2009-06-01,Whit Monday,DE,2009
        2009-10-03,German Unity Day,DE,2009
        2009-12-25,Christmas Day,DE,2009
        2009-12-26,Second Day of Christmas,DE,2009
        2010-01-01,New Year's Day,DE,2010
        2010-04-02,Good Friday,DE,2010
        2010-04-05,Easter Monday,DE,2010
        2010-05-01,Labor Day,DE,2010
        2010-05-13,Ascension Day,DE,2010
        2010-05-24,Whit Monday,DE,2010
        2010-10-03,German Unity Day,DE,2010
        2010-12-25,Christmas Day,DE,2010
        2010-12-26,Second Day of Christmas,DE,2010
        2011-01-01,New Year's Day,DE,2011
        2011-04-22,Good Friday,DE,2011
        2011-04-25,Easter Monday,DE,2011
        2011-05-01,Labor Day,DE,2011
        2011-06-02,Ascension Day,DE,2011
        2011-06-13,Whit Monday,DE,2011
        2011-10-03,German Unity Day,DE,2011
        2011-12-25,Christmas Day,DE,2011
        2011-12-26,Second Day of Christmas,DE,2011
        2012-01-01,New Year's Day,DE,2012
        2012-04-06,Good Friday,DE,2012
        2012-04-09,Easter Monday,DE,2012
        2012-05-01,Labor Day,DE,2012
        2012-05-17,Ascension Day,DE,2012
        2012-05-28,Whit Monday,DE,2012
        2012-10-03,German Unity Day,DE,2012
        2012-12-25,Christmas Day,DE,2012
        2012-12-26,Second Day of Christmas,DE,2012
        2013-01-01,New Year's Day,DE,2013
        2013-03-29,Good Friday,DE,2013
        2013-04-01,Easter Monday,DE,2013
        2013-05-01,Labor Day,DE,2013
        2013-05-09,Ascension Day,DE,2013
        2013-05-20,Whit Monday,DE,2013
        2013-10-03,German Unity Day,DE,2013
        2013-12-25,Christmas Day,DE,2013
        2013-12-26,Second Day of Christmas,DE,2013
        2014-01-01,New Year's Day,DE,2014
        2014-04-18,Good Friday,DE,2014
        2014-04-21,Easter Monday,DE,2014
        2014-05-01,Labor Day,DE,2014
        2014-05-29,Ascension Day,DE,2014
        2014-06-09,Whit Monday,DE,2014
        2014-10-03,German Unity Day,DE,2014
        2014-12-25,Christmas Day,DE,2014
        2014-12-26,Second Day of Christmas,DE,2014
        2015-01-01,New Year's Day,DE,2015
        2015-04-03,Good Friday,DE,2015
        2015-04-06,Easter Monday,DE,2015
        2015-05-01,Labor Day,DE,2015
        2015-05-14,Ascension Day,DE,2015
        2015-05-25,Whit Monday,DE,2015
        2015-10-03,German Unity Day,DE,2015
        2015-12-25,Christmas Day,DE,2015
        2015-12-26,Second Day of Christmas,DE,2015
        2016-01-01,New Year's Day,DE,2016
        2016-03-25,Good Friday,DE,2016
        2016-03-28,Easter Monday,DE,2016
        2016-05-01,Labor Day,DE,2016
        2016-05-05,Ascension Day,DE,2016
        2016-05-16,Whit Monday,DE,2016
        2016-10-03,German Unity Day,DE,2016
        2016-12-25,Christmas Day,DE,2016
        2016-12-26,Second Day of Christmas,DE,2016
        2017-01-01,New Year's Day,DE,2017
        2017-04-14,Good Friday,DE,2017
        2017-04-17,Easter Monday,DE,2017
        2017-05-01,Labor Day,DE,2017
        2017-05-25,Ascension Day,DE,2017
        2017-06-05,Whit Monday,DE,2017
        2017-10-03,German Unity Day,DE,2017
        2017-10-31,Reformation Day,DE,2017
        2017-12-25,Christmas Day,DE,2017
        2017-12-26,Second Day of Christmas,DE,2017
        2018-01-01,New Year's Day,DE,2018
        2018-03-30,Good Friday,DE,2018
        2018-04-02,Easter Monday,DE,2018
        2018-05-01,Labor Day,DE,2018
        2018-05-10,Ascension Day,DE,2018
        2018-05-21,Whit Monday,DE,2018
        2018-10-03,German Unity Day,DE,2018
        2018-12-25,Christmas Day,DE,2018
        2018-12-26,Second Day of Christmas,DE,2018
        2019-01-01,New Year's Day,DE,2019
        2019-04-19,Good Friday,DE,2019
        2019-04-22,Easter Monday,DE,2019
        2019-05-01,Labor Day,DE,2019
        2019-05-30,Ascension Day,DE,2019
        2019-06-10,Whit Monday,DE,2019
        2019-10-03,German Unity Day,DE,2019
        2019-12-25,Christmas Day,DE,2019
        2019-12-26,Second Day of Christmas,DE,2019
        2020-01-01,New Year's Day,DE,2020
        2020-04-10,Good Friday,DE,2020
        2020-04-13,Easter Monday,DE,2020
        2020-05-01,Labor Day,DE,2020
        2020-05-21,Ascension Day,DE,2020
        2020-06-01,Whit Monday,DE,2020
        2020-10-03,German Unity Day,DE,2020
        2020-12-25,Christmas Day,DE,2020
        2020-12-26,Second Day of Christmas,DE,2020
        2021-01-01,New Year's Day,DE,2021
        2021-04-02,Good Friday,DE,2021
        2021-04-05,Easter Monday,DE,2021
        2021-05-01,Labor Day,DE,2021
        2021-05-13,Ascension Day,DE,2021
        2021-05-24,Whit Monday,DE,2021
        2021-10-03,German Unity Day,DE,2021
        2021-12-25,Christmas Day,DE,2021
        2021-12-26,Second Day of Christmas,DE,2021
        2022-01-01,New Year's Day,DE,2022
        2022-04-15,Good Friday,DE,2022
        2022-04-18,Easter Monday,DE,2022
        2022-05-01,Labor Day,DE,2022
        2022-05-26,Ascension Day,DE,2022
        2022-06-06,Whit Monday,DE,2022
        2022-10-03,German Unity Day,DE,2022
        2022-12-25,Christmas Day,DE,2022
        2022-12-26,Second Day of Christmas,DE,2022
        2023-01-01,New Year's Day,DE,2023
        2023-04-07,Good Friday,DE,2023
        2023-04-10,Easter Monday,DE,2023
        2023-05-01,Labor Day,DE,2023
        2023-05-18,Ascension Day,DE,2023
        2023-05-29,Whit Monday,DE,2023
        2023-10-03,German Unity Day,DE,2023
        2023-12-25,Christmas Day,DE,2023
        2023-12-26,Second Day of Christmas,DE,2023
        2024-01-01,New Year's Day,DE,2024
        2024-03-29,Good Friday,DE,2024
        2024-04-01,Easter Monday,DE,2024
        2024-05-01,Labor Day,DE,2024
        2024-05-09,Ascension Day,DE,2024
        2024-05-20,Whit Monday,DE,2024
        2024-10-03,German Unity Day,DE,2024
        2024-12-25,Christmas Day,DE,2024
        2024-12-26,Second Day of Christmas,DE,2024
        2025-01-01,New Year's Day,DE,2025
        2025-04-18,Good Friday,DE,2025
        2025-04-21,Easter Monday,DE,2025
        2025-05-01,Labor Day,DE,2025
        2025-05-29,Ascension Day,DE,2025
        2025-06-09,Whit Monday,DE,2025
        2025-10-03,German Unity Day,DE,2025
        2025-12-25,Christmas Day,DE,2025
        2025-12-26,Second Day of Christmas,DE,2025
        2026-01-01,New Year's Day,DE,2026
        2026-04-03,Good Friday,DE,2026
        2026-04-06,Easter Monday,DE,2026
        2026-05-01,Labor Day,DE,2026
        2026-05-14,Ascension Day,DE,2026
        2026-05-25,Whit Monday,DE,2026
        2026-10-03,German Unity Day,DE,2026
        2026-12-25,Christmas Day,DE,2026
        2026-12-26,Second Day of Christmas,DE,2026
        2027-01-01,New Year's Day,DE,2027
        2027-03-26,Good Friday,DE,2027
        2027-03-29,Easter Monday,DE,2027
        2027-05-01,Labor Day,DE,2027
        2027-05-06,Ascension Day,DE,2027
        2027-05-17,Whit Monday,DE,2027
        2027-10-03,German Unity Day,DE,2027
        2027-12-25,Christmas Day,DE,2027
        2027-12-26,Second Day of Christmas,DE,2027
        2028-01-01,New Year's Day,DE,2028
        2028-04-14,Good Friday,DE,2028
        2028-04-17,Easter Monday,DE,2028
        2028-05-01,Labor Day,DE,2028
        2028-05-25,Ascension Day,DE,2028
        2028-06-05,Whit Monday,DE,2028
        2028-10-03,German Unity Day,DE,2028
        2028-12-25,Christmas Day,DE,2028
        2028-12-26,Second Day of Christmas,DE,2028
        2029-01-01,New Year's Day,DE,2029
        2029-03-30,Good Friday,DE,2029
        2029-04-02,Easter Monday,DE,2029
        2029-05-01,Labor Day,DE,2029
        2029-05-10,Ascension Day,DE,2029
        2029-05-21,Whit Monday,DE,2029
        2029-10-03,German Unity Day,DE,2029
        2029-12-25,Christmas Day,DE,2029
        2029-12-26,Second Day of Christmas,DE,2029
        2030-01-01,New Year's Day,DE,2030
        2030-04-19,Good Friday,DE,2030
        2030-04-22,Easter Monday,DE,2030
        2030-05-01,Labor Day,DE,2030
        2030-05-30,Ascension Day,DE,2030
        2030-06-10,Whit Monday,DE,2030
        2030-10-03,German Unity Day,DE,2030
        2030-12-25,Christmas Day,DE,2030
        2030-12-26,Second Day of Christmas,DE,2030
        2031-01-01,New Year's Day,DE,2031
        2031-04-11,Good Friday,DE,2031
        2031-04-14,Easter Monday,DE,2031
        2031-05-01,Labor Day,DE,2031
        2031-05-22,Ascension Day,DE,2031
        2031-06-02,Whit Monday,DE,2031
        2031-10-03,German Unity Day,DE,2031
        2031-12-25,Christmas Day,DE,2031
        2031-12-26,Second Day of Christmas,DE,2031
        2032-01-01,New Year's Day,DE,2032
        2032-03-26,Good Friday,DE,2032
        2032-03-29,Easter Monday,DE,2032
        2032-05-01,Labor Day,DE,2032
        2032-05-06,Ascension Day,DE,2032
        2032-05-17,Whit Monday,DE,2032
        2032-10-03,German Unity Day,DE,2032
        2032-12-25,Christmas Day,DE,2032
        2032-12-26,Second Day of Christmas,DE,2032
        2033-01-01,New Year's Day,DE,2033
        2033-04-15,Good Friday,DE,2033
        2033-04-18,Easter Monday,DE,2033
        2033-05-01,Labor Day,DE,2033
        2033-05-26,Ascension Day,DE,2033
        2033-06-06,Whit Monday,DE,2033
        2033-10-03,German Unity Day,DE,2033
        2033-12-25,Christmas Day,DE,2033
        2033-12-26,Second Day of Christmas,DE,2033
        2034-01-01,New Year's Day,DE,2034
        2034-04-07,Good Friday,DE,2034
        2034-04-10,Easter Monday,DE,2034
        2034-05-01,Labor Day,DE,2034
        2034-05-18,Ascension Day,DE,2034
        2034-05-29,Whit Monday,DE,2034
        2034-10-03,German Unity Day,DE,2034
        2034-12-25,Christmas Day,DE,2034
        2034-12-26,Second Day of Christmas,DE,2034
        2035-01-01,New Year's Day,DE,2035
        2035-03-23,Good Friday,DE,2035
        2035-03-26,Easter Monday,DE,2035
        2035-05-01,Labor Day,DE,2035
        2035-05-03,Ascension Day,DE,2035
        2035-05-14,Whit Monday,DE,2035
        2035-10-03,German Unity Day,DE,2035
        2035-12-25,Christmas Day,DE,2035
        2035-12-26,Second Day of Christmas,DE,2035
        2036-01-01,New Year's Day,DE,2036
        2036-04-11,Good Friday,DE,2036
        2036-04-14,Easter Monday,DE,2036
        2036-05-01,Labor Day,DE,2036
        2036-05-22,Ascension Day,DE,2036
        2036-06-02,Whit Monday,DE,2036
        2036-10-03,German Unity Day,DE,2036
        2036-12-25,Christmas Day,DE,2036
        2036-12-26,Second Day of Christmas,DE,2036
        2037-01-01,New Year's Day,DE,2037
        2037-04-03,Good Friday,DE,2037
        2037-04-06,Easter Monday,DE,2037
        2037-05-01,Labor Day,DE,2037
        2037-05-14,Ascension Day,DE,2037
        2037-05-25,Whit Monday,DE,2037
        2037-10-03,German Unity Day,DE,2037
        2037-12-25,Christmas Day,DE,2037
        2037-12-26,Second Day of Christmas,DE,2037
        2038-01-01,New Year's Day,DE,2038
        2038-04-23,Good Friday,DE,2038
        2038-04-26,Easter Monday,DE,2038
        2038-05-01,Labor Day,DE,2038
        2038-06-03,Ascension Day,DE,2038
        2038-06-14,Whit Monday,DE,2038
        2038-10-03,German Unity Day,DE,2038
        2038-12-25,Christmas Day,DE,2038
        2038-12-26,Second Day of Christmas,DE,2038
        2039-01-01,New Year's Day,DE,2039
        2039-04-08,Good Friday,DE,2039
        """#
}
