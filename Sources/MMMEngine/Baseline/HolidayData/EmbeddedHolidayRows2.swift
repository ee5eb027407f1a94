// Generated from shared/data/holidays_sample.csv by the command in EmbeddedHolidayTable.swift; do not edit.
// Data: Robyn dt_prophet_holidays (facebookexperimental/Robyn, MIT License,
// Copyright (c) Meta Platforms, Inc. and affiliates).

extension EmbeddedHolidayTable {
    /// Lines 401-800 of the holidays CSV.
    static let part2 = #"""
        2039-04-11,Easter Monday,DE,2039
        2039-05-01,Labor Day,DE,2039
        2039-05-19,Ascension Day,DE,2039
        2039-05-30,Whit Monday,DE,2039
        2039-10-03,German Unity Day,DE,2039
        2039-12-25,Christmas Day,DE,2039
        2039-12-26,Second Day of Christmas,DE,2039
        2040-01-01,New Year's Day,DE,2040
        2040-03-30,Good Friday,DE,2040
        2040-04-02,Easter Monday,DE,2040
        2040-05-01,Labor Day,DE,2040
        2040-05-10,Ascension Day,DE,2040
        2040-05-21,Whit Monday,DE,2040
        2040-10-03,German Unity Day,DE,2040
        2040-12-25,Christmas Day,DE,2040
        2040-12-26,Second Day of Christmas,DE,2040
        2041-01-01,New Year's Day,DE,2041
        2041-04-19,Good Friday,DE,2041
        2041-04-22,Easter Monday,DE,2041
        2041-05-01,Labor Day,DE,2041
        2041-05-30,Ascension Day,DE,2041
        2041-06-10,Whit Monday,DE,2041
        2041-10-03,German Unity Day,DE,2041
        2041-12-25,Christmas Day,DE,2041
        2041-12-26,Second Day of Christmas,DE,2041
        2042-01-01,New Year's Day,DE,2042
        2042-04-04,Good Friday,DE,2042
        2042-04-07,Easter Monday,DE,2042
        2042-05-01,Labor Day,DE,2042
        2042-05-15,Ascension Day,DE,2042
        2042-05-26,Whit Monday,DE,2042
        2042-10-03,German Unity Day,DE,2042
        2042-12-25,Christmas Day,DE,2042
        2042-12-26,Second Day of Christmas,DE,2042
        2043-01-01,New Year's Day,DE,2043
        2043-03-27,Good Friday,DE,2043
        2043-03-30,Easter Monday,DE,2043
        2043-05-01,Labor Day,DE,2043
        2043-05-07,Ascension Day,DE,2043
        2043-05-18,Whit Monday,DE,2043
        2043-10-03,German Unity Day,DE,2043
        2043-12-25,Christmas Day,DE,2043
        2043-12-26,Second Day of Christmas,DE,2043
        2044-01-01,New Year's Day,DE,2044
        2044-04-15,Good Friday,DE,2044
        2044-04-18,Easter Monday,DE,2044
        2044-05-01,Labor Day,DE,2044
        2044-05-26,Ascension Day,DE,2044
        2044-06-06,Whit Monday,DE,2044
        2044-10-03,German Unity Day,DE,2044
        2044-12-25,Christmas Day,DE,2044
        2044-12-26,Second Day of Christmas,DE,2044
        1995-01-01,New Year's Day,FR,1995
        1995-04-17,Easter Monday,FR,1995
        1995-05-01,Labor Day,FR,1995
        1995-05-08,Victory Day,FR,1995
        1995-05-25,Ascension Day,FR,1995
        1995-06-05,Whit Monday,FR,1995
        1995-07-14,National Day,FR,1995
        1995-08-15,Assumption Day,FR,1995
        1995-11-01,All Saints' Day,FR,1995
        1995-11-11,Armistice Day,FR,1995
        1995-12-25,Christmas Day,FR,1995
        1996-01-01,New Year's Day,FR,1996
        1996-04-08,Easter Monday,FR,1996
        1996-05-01,Labor Day,FR,1996
        1996-05-08,Victory Day,FR,1996
        1996-05-16,Ascension Day,FR,1996
        1996-05-27,Whit Monday,FR,1996
        1996-07-14,National Day,FR,1996
        1996-08-15,Assumption Day,FR,1996
        1996-11-01,All Saints' Day,FR,1996
        1996-11-11,Armistice Day,FR,1996
        1996-12-25,Christmas Day,FR,1996
        1997-01-01,New Year's Day,FR,1997
        1997-03-31,Easter Monday,FR,1997
        1997-05-01,Labor Day,FR,1997
        1997-05-08,Ascension Day,FR,1997
        1997-05-08,Victory Day,FR,1997
        1997-05-19,Whit Monday,FR,1997
        1997-07-14,National Day,FR,1997
        1997-08-15,Assumption Day,FR,1997
        1997-11-01,All Saints' Day,FR,1997
        1997-11-11,Armistice Day,FR,1997
        1997-12-25,Christmas Day,FR,1997
        1998-01-01,New Year's Day,FR,1998
        1998-04-13,Easter Monday,FR,1998
        1998-05-01,Labor Day,FR,1998
        1998-05-08,Victory Day,FR,1998
        1998-05-21,Ascension Day,FR,1998
        1998-06-01,Whit Monday,FR,1998
        1998-07-14,National Day,FR,1998
        1998-08-15,Assumption Day,FR,1998
        1998-11-01,All Saints' Day,FR,1998
        1998-11-11,Armistice Day,FR,1998
        1998-12-25,Christmas Day,FR,1998
        1999-01-01,New Year's Day,FR,1999
        1999-04-05,Easter Monday,FR,1999
        1999-05-01,Labor Day,FR,1999
        1999-05-08,Victory Day,FR,1999
        1999-05-13,Ascension Day,FR,1999
        1999-05-24,Whit Monday,FR,1999
        1999-07-14,National Day,FR,1999
        1999-08-15,Assumption Day,FR,1999
        1999-11-01,All Saints' Day,FR,1999
        1999-11-11,Armistice Day,FR,1999
        1999-12-25,Christmas Day,FR,1999
        2000-01-01,New Year's Day,FR,2000
        2000-04-24,Easter Monday,FR,2000
        2000-05-01,Labor Day,FR,2000
        2000-05-08,Victory Day,FR,2000
        2000-06-01,Ascension Day,FR,2000
        2000-06-12,Whit Monday,FR,2000
        2000-07-14,National Day,FR,2000
        2000-08-15,Assumption Day,FR,2000
        2000-11-01,All Saints' Day,FR,2000
        2000-11-11,Armistice Day,FR,2000
        2000-12-25,Christmas Day,FR,2000
        2001-01-01,New Year's Day,FR,2001
        2001-04-16,Easter Monday,FR,2001
        2001-05-01,Labor Day,FR,2001
        2001-05-08,Victory Day,FR,2001
        2001-05-24,Ascension Day,FR,2001
        2001-06-04,Whit Monday,FR,2001
        2001-07-14,National Day,FR,2001
        2001-08-15,Assumption Day,FR,2001
        2001-11-01,All Saints' Day,FR,2001
        2001-11-11,Armistice Day,FR,2001
        2001-12-25,Christmas Day,FR,2001
        2002-01-01,New Year's Day,FR,2002
        2002-04-01,Easter Monday,FR,2002
        2002-05-01,Labor Day,FR,2002
        2002-05-08,Victory Day,FR,2002
        2002-05-09,Ascension Day,FR,2002
        2002-05-20,Whit Monday,FR,2002
        2002-07-14,National Day,FR,2002
        2002-08-15,Assumption Day,FR,2002
        2002-11-01,All Saints' Day,FR,2002
        2002-11-11,Armistice Day,FR,2002
        2002-12-25,Christmas Day,FR,2002
        2003-01-01,New Year's Day,FR,2003
        2003-04-21,Easter Monday,FR,2003
        2003-05-01,Labor Day,FR,2003
        2003-05-08,Victory Day,FR,2003
        2003-05-29,Ascension Day,FR,2003
        2003-06-09,Whit Monday,FR,2003
        2003-07-14,National Day,FR,2003
        2003-08-15,Assumption Day,FR,2003
        2003-11-01,All Saints' Day,FR,2003
        2003-11-11,Armistice Day,FR,2003
        2003-12-25,Christmas Day,FR,2003
        2004-01-01,New Year's Day,FR,2004
        2004-04-12,Easter Monday,FR,2004
        2004-05-01,Labor Day,FR,2004
        2004-05-08,Victory Day,FR,2004
        2004-05-20,Ascension Day,FR,2004
        2004-05-31,Whit Monday,FR,2004
        2004-07-14,National Day,FR,2004
        2004-08-15,Assumption Day,FR,2004
        2004-11-01,All Saints' Day,FR,2004
        2004-11-11,Armistice Day,FR,2004
        2004-12-25,Christmas Day,FR,2004
        2005-01-01,New Year's Day,FR,2005
        2005-03-28,Easter Monday,FR,2005
        2005-05-01,Labor Day,FR,2005
        2005-05-05,Ascension Day,FR,2005
        2005-05-08,Victory Day,FR,2005
        2005-07-14,National Day,FR,2005
        2005-08-15,Assumption Day,FR,2005
        2005-11-01,All Saints' Day,FR,2005
        2005-11-11,Armistice Day,FR,2005
        2005-12-25,Christmas Day,FR,2005
        2006-01-01,New Year's Day,FR,2006
        2006-04-17,Easter Monday,FR,2006
        2006-05-01,Labor Day,FR,2006
        2006-05-08,Victory Day,FR,2006
        2006-05-25,Ascension Day,FR,2006
        2006-07-14,National Day,FR,2006
        2006-08-15,Assumption Day,FR,2006
        2006-11-01,All Saints' Day,FR,2006
        2006-11-11,Armistice Day,FR,2006
        2006-12-25,Christmas Day,FR,2006
        2007-01-01,New Year's Day,FR,2007
        2007-04-09,Easter Monday,FR,2007
        2007-05-01,Labor Day,FR,2007
        2007-05-08,Victory Day,FR,2007
        2007-05-17,Ascension Day,FR,2007
        2007-07-14,National Day,FR,2007
        2007-08-15,Assumption Day,FR,2007
        2007-11-01,All Saints' Day,FR,2007
        2007-11-11,Armistice Day,FR,2007
        2007-12-25,Christmas Day,FR,2007
        2008-01-01,New Year's Day,FR,2008
        2008-03-24,Easter Monday,FR,2008
        2008-05-01,Ascension Day,FR,2008
        2008-05-01,Labor Day,FR,2008
        2008-05-08,Victory Day,FR,2008
        2008-05-12,Whit Monday,FR,2008
        2008-07-14,National Day,FR,2008
        2008-08-15,Assumption Day,FR,2008
        2008-11-01,All Saints' Day,FR,2008
        2008-11-11,Armistice Day,FR,2008
        2008-12-25,Christmas Day,FR,2008
        2009-01-01,New Year's Day,FR,2009
        2009-04-13,Easter Monday,FR,2009
        2009-05-01,Labor Day,FR,2009
        2009-05-08,Victory Day,FR,2009
        2009-05-21,Ascension Day,FR,2009
        2009-06-01,Whit Monday,FR,2009
        2009-07-14,National Day,FR,2009
        2009-08-15,Assumption Day,FR,2009
        2009-11-01,All Saints' Day,FR,2009
        2009-11-11,Armistice Day,FR,2009
        2009-12-25,Christmas Day,FR,2009
        2010-01-01,New Year's Day,FR,2010
        2010-04-05,Easter Monday,FR,2010
        2010-05-01,Labor Day,FR,2010
        2010-05-08,Victory Day,FR,2010
        2010-05-13,Ascension Day,FR,2010
        2010-05-24,Whit Monday,FR,2010
        2010-07-14,National Day,FR,2010
        2010-08-15,Assumption Day,FR,2010
        2010-11-01,All Saints' Day,FR,2010
        2010-11-11,Armistice Day,FR,2010
        2010-12-25,Christmas Day,FR,2010
        2011-01-01,New Year's Day,FR,2011
        2011-04-25,Easter Monday,FR,2011
        2011-05-01,Labor Day,FR,2011
        2011-05-08,Victory Day,FR,2011
        2011-06-02,Ascension Day,FR,2011
        2011-06-13,Whit Monday,FR,2011
        2011-07-14,National Day,FR,2011
        2011-08-15,Assumption Day,FR,2011
        2011-11-01,All Saints' Day,FR,2011
        2011-11-11,Armistice Day,FR,2011
        2011-12-25,Christmas Day,FR,2011
        2012-01-01,New Year's Day,FR,2012
        2012-04-09,Easter Monday,FR,2012
        2012-05-01,Labor Day,FR,2012
        2012-05-08,Victory Day,FR,2012
        2012-05-17,Ascension Day,FR,2012
        2012-05-28,Whit Monday,FR,2012
        2012-07-14,National Day,FR,2012
        2012-08-15,Assumption Day,FR,2012
        2012-11-01,All Saints' Day,FR,2012
        2012-11-11,Armistice Day,FR,2012
        2012-12-25,Christmas Day,FR,2012
        2013-01-01,New Year's Day,FR,2013
        2013-04-01,Easter Monday,FR,2013
        2013-05-01,Labor Day,FR,2013
        2013-05-08,Victory Day,FR,2013
        2013-05-09,Ascension Day,FR,2013
        2013-05-20,Whit Monday,FR,2013
        2013-07-14,National Day,FR,2013
        2013-08-15,Assumption Day,FR,2013
        2013-11-01,All Saints' Day,FR,2013
        2013-11-11,Armistice Day,FR,2013
        2013-12-25,Christmas Day,FR,2013
        2014-01-01,New Year's Day,FR,2014
        2014-04-21,Easter Monday,FR,2014
        2014-05-01,Labor Day,FR,2014
        2014-05-08,Victory Day,FR,2014
        2014-05-29,Ascension Day,FR,2014
        2014-06-09,Whit Monday,FR,2014
        2014-07-14,National Day,FR,2014
        2014-08-15,Assumption Day,FR,2014
        2014-11-01,All Saints' Day,FR,2014
        2014-11-11,Armistice Day,FR,2014
        2014-12-25,Christmas Day,FR,2014
        2015-01-01,New Year's Day,FR,2015
        2015-04-06,Easter Monday,FR,2015
        2015-05-01,Labor Day,FR,2015
        2015-05-08,Victory Day,FR,2015
        2015-05-14,Ascension Day,FR,2015
        2015-05-25,Whit Monday,FR,2015
        2015-07-14,National Day,FR,2015
        2015-08-15,Assumption Day,FR,2015
        2015-11-01,All Saints' Day,FR,2015
        2015-11-11,Armistice Day,FR,2015
        2015-12-25,Christmas Day,FR,2015
        2016-01-01,New Year's Day,FR,2016
        2016-03-28,Easter Monday,FR,2016
        2016-05-01,Labor Day,FR,2016
        2016-05-05,Ascension Day,FR,2016
        2016-05-08,Victory Day,FR,2016
        2016-05-16,Whit Monday,FR,2016
        2016-07-14,National Day,FR,2016
        2016-08-15,Assumption Day,FR,2016
        2016-11-01,All Saints' Day,FR,2016
        2016-11-11,Armistice Day,FR,2016
        2016-12-25,Christmas Day,FR,2016
        2017-01-01,New Year's Day,FR,2017
        2017-04-17,Easter Monday,FR,2017
        2017-05-01,Labor Day,FR,2017
        2017-05-08,Victory Day,FR,2017
        2017-05-25,Ascension Day,FR,2017
        2017-06-05,Whit Monday,FR,2017
        2017-07-14,National Day,FR,2017
        2017-08-15,Assumption Day,FR,2017
        2017-11-01,All Saints' Day,FR,2017
        2017-11-11,Armistice Day,FR,2017
        2017-12-25,Christmas Day,FR,2017
        2018-01-01,New Year's Day,FR,2018
        2018-04-02,Easter Monday,FR,2018
        2018-05-01,Labor Day,FR,2018
        2018-05-08,Victory Day,FR,2018
        2018-05-10,Ascension Day,FR,2018
        2018-05-21,Whit Monday,FR,2018
        2018-07-14,National Day,FR,2018
        2018-08-15,Assumption Day,FR,2018
        2018-11-01,All Saints' Day,FR,2018
        2018-11-11,Armistice Day,FR,2018
        2018-12-25,Christmas Day,FR,2018
        2019-01-01,New Year's Day,FR,2019
        2019-04-22,Easter Monday,FR,2019
        2019-05-01,Labor Day,FR,2019
        2019-05-08,Victory Day,FR,2019
        2019-05-30,Ascension Day,FR,2019
        2019-06-10,Whit Monday,FR,2019
        2019-07-14,National Day,FR,2019
        2019-08-15,Assumption Day,FR,2019
        2019-11-01,All Saints' Day,FR,2019
        2019-11-11,Armistice Day,FR,2019
        2019-12-25,Christmas Day,FR,2019
        2020-01-01,New Year's Day,FR,2020
        2020-04-13,Easter Monday,FR,2020
        2020-05-01,Labor Day,FR,2020
        2020-05-08,Victory Day,FR,2020
        2020-05-21,Ascension Day,FR,2020
        2020-06-01,Whit Monday,FR,2020
        2020-07-14,National Day,FR,2020
        2020-08-15,Assumption Day,FR,2020
        2020-11-01,All Saints' Day,FR,2020
        2020-11-11,Armistice Day,FR,2020
        2020-12-25,Christmas Day,FR,2020
        2021-01-01,New Year's Day,FR,2021
        2021-04-05,Easter Monday,FR,2021
        2021-05-01,Labor Day,FR,2021
        2021-05-08,Victory Day,FR,2021
        2021-05-13,Ascension Day,FR,2021
        2021-05-24,Whit Monday,FR,2021
        2021-07-14,National Day,FR,2021
        2021-08-15,Assumption Day,FR,2021
        2021-11-01,All Saints' Day,FR,2021
        2021-11-11,Armistice Day,FR,2021
        2021-12-25,Christmas Day,FR,2021
        2022-01-01,New Year's Day,FR,2022
        2022-04-18,Easter Monday,FR,2022
        2022-05-01,Labor Day,FR,2022
        2022-05-08,Victory Day,FR,2022
        2022-05-26,Ascension Day,FR,2022
        2022-06-06,Whit Monday,FR,2022
        2022-07-14,National Day,FR,2022
        2022-08-15,Assumption Day,FR,2022
        2022-11-01,All Saints' Day,FR,2022
        2022-11-11,Armistice Day,FR,2022
        2022-12-25,Christmas Day,FR,2022
        2023-01-01,New Year's Day,FR,2023
        2023-04-10,Easter Monday,FR,2023
        2023-05-01,Labor Day,FR,2023
        2023-05-08,Victory Day,FR,2023
        2023-05-18,Ascension Day,FR,2023
        2023-05-29,Whit Monday,FR,2023
        2023-07-14,National Day,FR,2023
        2023-08-15,Assumption Day,FR,2023
        2023-11-01,All Saints' Day,FR,2023
        2023-11-11,Armistice Day,FR,2023
        2023-12-25,Christmas Day,FR,2023
        2024-01-01,New Year's Day,FR,2024
        2024-04-01,Easter Monday,FR,2024
        2024-05-01,Labor Day,FR,2024
        2024-05-08,Victory Day,FR,2024
        2024-05-09,Ascension Day,FR,2024
        2024-05-20,Whit Monday,FR,2024
        2024-07-14,National Day,FR,2024
        2024-08-15,Assumption Day,FR,2024
        2024-11-01,All Saints' Day,FR,2024
        2024-11-11,Armistice Day,FR,2024
        2024-12-25,Christmas Day,FR,2024
        2025-01-01,New Year's Day,FR,2025
        2025-04-21,Easter Monday,FR,2025
        2025-05-01,Labor Day,FR,2025
        2025-05-08,Victory Day,FR,2025
        2025-05-29,Ascension Day,FR,2025
        2025-06-09,Whit Monday,FR,2025
        2025-07-14,National Day,FR,2025
        2025-08-15,Assumption Day,FR,2025
        2025-11-01,All Saints' Day,FR,2025
        2025-11-11,Armistice Day,FR,2025
        2025-12-25,Christmas Day,FR,2025
        2026-01-01,New Year's Day,FR,2026
        2026-04-06,Easter Monday,FR,2026
        2026-05-01,Labor Day,FR,2026
        2026-05-08,Victory Day,FR,2026
        2026-05-14,Ascension Day,FR,2026
        2026-05-25,Whit Monday,FR,2026
        2026-07-14,National Day,FR,2026
        2026-08-15,Assumption Day,FR,2026
        2026-11-01,All Saints' Day,FR,2026
        2026-11-11,Armistice Day,FR,2026
        """#
}
