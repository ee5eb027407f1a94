// Generated from shared/data/holidays_sample.csv by the command in EmbeddedHolidayTable.swift; do not edit.
// Data: Robyn dt_prophet_holidays (facebookexperimental/Robyn, MIT License,
// Copyright (c) Meta Platforms, Inc. and affiliates).

extension EmbeddedHolidayTable {
    /// Lines 801-1200 of the holidays CSV.
    static let part3 = #"""
        2026-12-25,Christmas Day,FR,2026
        2027-01-01,New Year's Day,FR,2027
        2027-03-29,Easter Monday,FR,2027
        2027-05-01,Labor Day,FR,2027
        2027-05-06,Ascension Day,FR,2027
        2027-05-08,Victory Day,FR,2027
        2027-05-17,Whit Monday,FR,2027
        2027-07-14,National Day,FR,2027
        2027-08-15,Assumption Day,FR,2027
        2027-11-01,All Saints' Day,FR,2027
        2027-11-11,Armistice Day,FR,2027
        2027-12-25,Christmas Day,FR,2027
        2028-01-01,New Year's Day,FR,2028
        2028-04-17,Easter Monday,FR,2028
        2028-05-01,Labor Day,FR,2028
        2028-05-08,Victory Day,FR,2028
        2028-05-25,Ascension Day,FR,2028
        2028-06-05,Whit Monday,FR,2028
        2028-07-14,National Day,FR,2028
        2028-08-15,Assumption Day,FR,2028
        2028-11-01,All Saints' Day,FR,2028
        2028-11-11,Armistice Day,FR,2028
        2028-12-25,Christmas Day,FR,2028
        2029-01-01,New Year's Day,FR,2029
        2029-04-02,Easter Monday,FR,2029
        2029-05-01,Labor Day,FR,2029
        2029-05-08,Victory Day,FR,2029
        2029-05-10,Ascension Day,FR,2029
        2029-05-21,Whit Monday,FR,2029
        2029-07-14,National Day,FR,2029
        2029-08-15,Assumption Day,FR,2029
        2029-11-01,All Saints' Day,FR,2029
        2029-11-11,Armistice Day,FR,2029
        2029-12-25,Christmas Day,FR,2029
        2030-01-01,New Year's Day,FR,2030
        2030-04-22,Easter Monday,FR,2030
        2030-05-01,Labor Day,FR,2030
        2030-05-08,Victory Day,FR,2030
        2030-05-30,Ascension Day,FR,2030
        2030-06-10,Whit Monday,FR,2030
        2030-07-14,National Day,FR,2030
        2030-08-15,Assumption Day,FR,2030
        2030-11-01,All Saints' Day,FR,2030
        2030-11-11,Armistice Day,FR,2030
        2030-12-25,Christmas Day,FR,2030
        2031-01-01,New Year's Day,FR,2031
        2031-04-14,Easter Monday,FR,2031
        2031-05-01,Labor Day,FR,2031
        2031-05-08,Victory Day,FR,2031
        2031-05-22,Ascension Day,FR,2031
        2031-06-02,Whit Monday,FR,2031
        2031-07-14,National Day,FR,2031
        2031-08-15,Assumption Day,FR,2031
        2031-11-01,All Saints' Day,FR,2031
        2031-11-11,Armistice Day,FR,2031
        2031-12-25,Christmas Day,FR,2031
        2032-01-01,New Year's Day,FR,2032
        2032-03-29,Easter Monday,FR,2032
        2032-05-01,Labor Day,FR,2032
        2032-05-06,Ascension Day,FR,2032
        2032-05-08,Victory Day,FR,2032
        2032-05-17,Whit Monday,FR,2032
        2032-07-14,National Day,FR,2032
        2032-08-15,Assumption Day,FR,2032
        2032-11-01,All Saints' Day,FR,2032
        2032-11-11,Armistice Day,FR,2032
        2032-12-25,Christmas Day,FR,2032
        2033-01-01,New Year's Day,FR,2033
        2033-04-18,Easter Monday,FR,2033
        2033-05-01,Labor Day,FR,2033
        2033-05-08,Victory Day,FR,2033
        2033-05-26,Ascension Day,FR,2033
        2033-06-06,Whit Monday,FR,2033
        2033-07-14,National Day,FR,2033
        2033-08-15,Assumption Day,FR,2033
        2033-11-01,All Saints' Day,FR,2033
        2033-11-11,Armistice Day,FR,2033
        2033-12-25,Christmas Day,FR,2033
        2034-01-01,New Year's Day,FR,2034
        2034-04-10,Easter Monday,FR,2034
        2034-05-01,Labor Day,FR,2034
        2034-05-08,Victory Day,FR,2034
        2034-05-18,Ascension Day,FR,2034
        2034-05-29,Whit Monday,FR,2034
        2034-07-14,National Day,FR,2034
        2034-08-15,Assumption Day,FR,2034
        2034-11-01,All Saints' Day,FR,2034
        2034-11-11,Armistice Day,FR,2034
        2034-12-25,Christmas Day,FR,2034
        2035-01-01,New Year's Day,FR,2035
        2035-03-26,Easter Monday,FR,2035
        2035-05-01,Labor Day,FR,2035
        2035-05-03,Ascension Day,FR,2035
        2035-05-08,Victory Day,FR,2035
        2035-05-14,Whit Monday,FR,2035
        2035-07-14,National Day,FR,2035
        2035-08-15,Assumption Day,FR,2035
        2035-11-01,All Saints' Day,FR,2035
        2035-11-11,Armistice Day,FR,2035
        2035-12-25,Christmas Day,FR,2035
        2036-01-01,New Year's Day,FR,2036
        2036-04-14,Easter Monday,FR,2036
        2036-05-01,Labor Day,FR,2036
        2036-05-08,Victory Day,FR,2036
        2036-05-22,Ascension Day,FR,2036
        2036-06-02,Whit Monday,FR,2036
        2036-07-14,National Day,FR,2036
        2036-08-15,Assumption Day,FR,2036
        2036-11-01,All Saints' Day,FR,2036
        2036-11-11,Armistice Day,FR,2036
        2036-12-25,Christmas Day,FR,2036
        2037-01-01,New Year's Day,FR,2037
        2037-04-06,Easter Monday,FR,2037
        2037-05-01,Labor Day,FR,2037
        2037-05-08,Victory Day,FR,2037
        2037-05-14,Ascension Day,FR,2037
        2037-05-25,Whit Monday,FR,2037
        2037-07-14,National Day,FR,2037
        2037-08-15,Assumption Day,FR,2037
        2037-11-01,All Saints' Day,FR,2037
        2037-11-11,Armistice Day,FR,2037
        2037-12-25,Christmas Day,FR,2037
        2038-01-01,New Year's Day,FR,2038
        2038-04-26,Easter Monday,FR,2038
        2038-05-01,Labor Day,FR,2038
        2038-05-08,Victory Day,FR,2038
        2038-06-03,Ascension Day,FR,2038
        2038-06-14,Whit Monday,FR,2038
        2038-07-14,National Day,FR,2038
        2038-08-15,Assumption Day,FR,2038
        2038-11-01,All Saints' Day,FR,2038
        2038-11-11,Armistice Day,FR,2038
        2038-12-25,Christmas Day,FR,2038
        2039-01-01,New Year's Day,FR,2039
        2039-04-11,Easter Monday,FR,2039
        2039-05-01,Labor Day,FR,2039
        2039-05-08,Victory Day,FR,2039
        2039-05-19,Ascension Day,FR,2039
        2039-05-30,Whit Monday,FR,2039
        2039-07-14,National Day,FR,2039
        2039-08-15,Assumption Day,FR,2039
        2039-11-01,All Saints' Day,FR,2039
        2039-11-11,Armistice Day,FR,2039
        2039-12-25,Christmas Day,FR,2039
        2040-01-01,New Year's Day,FR,2040
        2040-04-02,Easter Monday,FR,2040
        2040-05-01,Labor Day,FR,2040
        2040-05-08,Victory Day,FR,2040
        2040-05-10,Ascension Day,FR,2040
        2040-05-21,Whit Monday,FR,2040
        2040-07-14,National Day,FR,2040
        2040-08-15,Assumption Day,FR,2040
        2040-11-01,All Saints' Day,FR,2040
        2040-11-11,Armistice Day,FR,2040
        2040-12-25,Christmas Day,FR,2040
        2041-01-01,New Year's Day,FR,2041
        2041-04-22,Easter Monday,FR,2041
        2041-05-01,Labor Day,FR,2041
        2041-05-08,Victory Day,FR,2041
        2041-05-30,Ascension Day,FR,2041
        2041-06-10,Whit Monday,FR,2041
        2041-07-14,National Day,FR,2041
        2041-08-15,Assumption Day,FR,2041
        2041-11-01,All Saints' Day,FR,2041
        2041-11-11,Armistice Day,FR,2041
        2041-12-25,Christmas Day,FR,2041
        2042-01-01,New Year's Day,FR,2042
        2042-04-07,Easter Monday,FR,2042
        2042-05-01,Labor Day,FR,2042
        2042-05-08,Victory Day,FR,2042
        2042-05-15,Ascension Day,FR,2042
        2042-05-26,Whit Monday,FR,2042
        2042-07-14,National Day,FR,2042
        2042-08-15,Assumption Day,FR,2042
        2042-11-01,All Saints' Day,FR,2042
        2042-11-11,Armistice Day,FR,2042
        2042-12-25,Christmas Day,FR,2042
        2043-01-01,New Year's Day,FR,2043
        2043-03-30,Easter Monday,FR,2043
        2043-05-01,Labor Day,FR,2043
        2043-05-07,Ascension Day,FR,2043
        2043-05-08,Victory Day,FR,2043
        2043-05-18,Whit Monday,FR,2043
        2043-07-14,National Day,FR,2043
        2043-08-15,Assumption Day,FR,2043
        2043-11-01,All Saints' Day,FR,2043
        2043-11-11,Armistice Day,FR,2043
        2043-12-25,Christmas Day,FR,2043
        2044-01-01,New Year's Day,FR,2044
        2044-04-18,Easter Monday,FR,2044
        2044-05-01,Labor Day,FR,2044
        2044-05-08,Victory Day,FR,2044
        2044-05-26,Ascension Day,FR,2044
        2044-06-06,Whit Monday,FR,2044
        2044-07-14,National Day,FR,2044
        2044-08-15,Assumption Day,FR,2044
        2044-11-01,All Saints' Day,FR,2044
        2044-11-11,Armistice Day,FR,2044
        2044-12-25,Christmas Day,FR,2044
        1995-01-01,New Year's Day,GB,1995
        1995-01-02,New Year Holiday [Scotland],GB,1995
        1995-01-02,New Year's Day (Observed),GB,1995
        1995-01-03,New Year Holiday [Scotland] (Observed),GB,1995
        1995-03-17,St. Patrick's Day [Northern Ireland],GB,1995
        1995-04-14,Good Friday,GB,1995
        1995-04-17,Easter Monday [England/Wales/Northern Ireland],GB,1995
        1995-05-08,May Day,GB,1995
        1995-05-29,Spring Bank Holiday,GB,1995
        1995-07-12,Battle of the Boyne [Northern Ireland],GB,1995
        1995-08-07,Summer Bank Holiday [Scotland],GB,1995
        1995-08-28,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,1995
        1995-11-30,St. Andrew's Day [Scotland],GB,1995
        1995-12-25,Christmas Day,GB,1995
        1995-12-26,Boxing Day,GB,1995
        1996-01-01,New Year's Day,GB,1996
        1996-01-02,New Year Holiday [Scotland],GB,1996
        1996-03-17,St. Patrick's Day [Northern Ireland],GB,1996
        1996-03-18,St. Patrick's Day [Northern Ireland] (Observed),GB,1996
        1996-04-05,Good Friday,GB,1996
        1996-04-08,Easter Monday [England/Wales/Northern Ireland],GB,1996
        1996-05-06,May Day,GB,1996
        1996-05-27,Spring Bank Holiday,GB,1996
        1996-07-12,Battle of the Boyne [Northern Ireland],GB,1996
        1996-08-05,Summer Bank Holiday [Scotland],GB,1996
        1996-08-26,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,1996
        1996-11-30,St. Andrew's Day [Scotland],GB,1996
        1996-12-25,Christmas Day,GB,1996
        1996-12-26,Boxing Day,GB,1996
        1997-01-01,New Year's Day,GB,1997
        1997-01-02,New Year Holiday [Scotland],GB,1997
        1997-03-17,St. Patrick's Day [Northern Ireland],GB,1997
        1997-03-28,Good Friday,GB,1997
        1997-03-31,Easter Monday [England/Wales/Northern Ireland],GB,1997
        1997-05-05,May Day,GB,1997
        1997-05-26,Spring Bank Holiday,GB,1997
        1997-07-12,Battle of the Boyne [Northern Ireland],GB,1997
        1997-08-04,Summer Bank Holiday [Scotland],GB,1997
        1997-08-25,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,1997
        1997-11-30,St. Andrew's Day [Scotland],GB,1997
        1997-12-25,Christmas Day,GB,1997
        1997-12-26,Boxing Day,GB,1997
        1998-01-01,New Year's Day,GB,1998
        1998-01-02,New Year Holiday [Scotland],GB,1998
        1998-03-17,St. Patrick's Day [Northern Ireland],GB,1998
        1998-04-10,Good Friday,GB,1998
        1998-04-13,Easter Monday [England/Wales/Northern Ireland],GB,1998
        1998-05-04,May Day,GB,1998
        1998-05-25,Spring Bank Holiday,GB,1998
        1998-07-12,Battle of the Boyne [Northern Ireland],GB,1998
        1998-08-03,Summer Bank Holiday [Scotland],GB,1998
        1998-08-31,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,1998
        1998-11-30,St. Andrew's Day [Scotland],GB,1998
        1998-12-25,Christmas Day,GB,1998
        1998-12-26,Boxing Day,GB,1998
        1998-12-28,Boxing Day (Observed),GB,1998
        1999-01-01,New Year's Day,GB,1999
        1999-01-02,New Year Holiday [Scotland],GB,1999
        1999-01-04,New Year Holiday [Scotland] (Observed),GB,1999
        1999-03-17,St. Patrick's Day [Northern Ireland],GB,1999
        1999-04-02,Good Friday,GB,1999
        1999-04-05,Easter Monday [England/Wales/Northern Ireland],GB,1999
        1999-05-03,May Day,GB,1999
        1999-05-31,Spring Bank Holiday,GB,1999
        1999-07-12,Battle of the Boyne [Northern Ireland],GB,1999
        1999-08-02,Summer Bank Holiday [Scotland],GB,1999
        1999-08-30,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,1999
        1999-11-30,St. Andrew's Day [Scotland],GB,1999
        1999-12-25,Christmas Day,GB,1999
        1999-12-26,Boxing Day,GB,1999
        1999-12-27,Christmas Day (Observed),GB,1999
        1999-12-28,Boxing Day (Observed),GB,1999
        1999-12-31,Millennium Celebrations,GB,1999
        2000-01-01,New Year's Day,GB,2000
        2000-01-02,New Year Holiday [Scotland],GB,2000
        2000-01-03,New Year's Day (Observed),GB,2000
        2000-01-04,New Year Holiday [Scotland] (Observed),GB,2000
        2000-03-17,St. Patrick's Day [Northern Ireland],GB,2000
        2000-04-21,Good Friday,GB,2000
        2000-04-24,Easter Monday [England/Wales/Northern Ireland],GB,2000
        2000-05-01,May Day,GB,2000
        2000-05-29,Spring Bank Holiday,GB,2000
        2000-07-12,Battle of the Boyne [Northern Ireland],GB,2000
        2000-08-07,Summer Bank Holiday [Scotland],GB,2000
        2000-08-28,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2000
        2000-11-30,St. Andrew's Day [Scotland],GB,2000
        2000-12-25,Christmas Day,GB,2000
        2000-12-26,Boxing Day,GB,2000
        2001-01-01,New Year's Day,GB,2001
        2001-01-02,New Year Holiday [Scotland],GB,2001
        2001-03-17,St. Patrick's Day [Northern Ireland],GB,2001
        2001-03-19,St. Patrick's Day [Northern Ireland] (Observed),GB,2001
        2001-04-13,Good Friday,GB,2001
        2001-04-16,Easter Monday [England/Wales/Northern Ireland],GB,2001
        2001-05-07,May Day,GB,2001
        2001-05-28,Spring Bank Holiday,GB,2001
        2001-07-12,Battle of the Boyne [Northern Ireland],GB,2001
        2001-08-06,Summer Bank Holiday [Scotland],GB,2001
        2001-08-27,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2001
        2001-11-30,St. Andrew's Day [Scotland],GB,2001
        2001-12-25,Christmas Day,GB,2001
        2001-12-26,Boxing Day,GB,2001
        2002-01-01,New Year's Day,GB,2002
        2002-01-02,New Year Holiday [Scotland],GB,2002
        2002-03-17,St. Patrick's Day [Northern Ireland],GB,2002
        2002-03-18,St. Patrick's Day [Northern Ireland] (Observed),GB,2002
        2002-03-29,Good Friday,GB,2002
        2002-04-01,Easter Monday [England/Wales/Northern Ireland],GB,2002
        2002-05-06,May Day,GB,2002
        2002-05-27,Spring Bank Holiday,GB,2002
        2002-06-03,Golden Jubilee of Elizabeth II,GB,2002
        2002-07-12,Battle of the Boyne [Northern Ireland],GB,2002
        2002-08-05,Summer Bank Holiday [Scotland],GB,2002
        2002-08-26,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2002
        2002-11-30,St. Andrew's Day [Scotland],GB,2002
        2002-12-25,Christmas Day,GB,2002
        2002-12-26,Boxing Day,GB,2002
        2003-01-01,New Year's Day,GB,2003
        2003-01-02,New Year Holiday [Scotland],GB,2003
        2003-03-17,St. Patrick's Day [Northern Ireland],GB,2003
        2003-04-18,Good Friday,GB,2003
        2003-04-21,Easter Monday [England/Wales/Northern Ireland],GB,2003
        2003-05-05,May Day,GB,2003
        2003-05-26,Spring Bank Holiday,GB,2003
        2003-07-12,Battle of the Boyne [Northern Ireland],GB,2003
        2003-08-04,Summer Bank Holiday [Scotland],GB,2003
        2003-08-25,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2003
        2003-11-30,St. Andrew's Day [Scotland],GB,2003
        2003-12-25,Christmas Day,GB,2003
        2003-12-26,Boxing Day,GB,2003
        2004-01-01,New Year's Day,GB,2004
        2004-01-02,New Year Holiday [Scotland],GB,2004
        2004-03-17,St. Patrick's Day [Northern Ireland],GB,2004
        2004-04-09,Good Friday,GB,2004
        2004-04-12,Easter Monday [England/Wales/Northern Ireland],GB,2004
        2004-05-03,May Day,GB,2004
        2004-05-31,Spring Bank Holiday,GB,2004
        2004-07-12,Battle of the Boyne [Northern Ireland],GB,2004
        2004-08-02,Summer Bank Holiday [Scotland],GB,2004
        2004-08-30,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2004
        2004-11-30,St. Andrew's Day [Scotland],GB,2004
        2004-12-25,Christmas Day,GB,2004
        2004-12-26,Boxing Day,GB,2004
        2004-12-27,Christmas Day (Observed),GB,2004
        2004-12-28,Boxing Day (Observed),GB,2004
        2005-01-01,New Year's Day,GB,2005
        2005-01-02,New Year Holiday [Scotland],GB,2005
        2005-01-03,New Year's Day (Observed),GB,2005
        2005-01-04,New Year Holiday [Scotland] (Observed),GB,2005
        2005-03-17,St. Patrick's Day [Northern Ireland],GB,2005
        2005-03-25,Good Friday,GB,2005
        2005-03-28,Easter Monday [England/Wales/Northern Ireland],GB,2005
        2005-05-02,May Day,GB,2005
        2005-05-30,Spring Bank Holiday,GB,2005
        2005-07-12,Battle of the Boyne [Northern Ireland],GB,2005
        2005-08-01,Summer Bank Holiday [Scotland],GB,2005
        2005-08-29,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2005
        2005-11-30,St. Andrew's Day [Scotland],GB,2005
        2005-12-25,Christmas Day,GB,2005
        2005-12-26,Boxing Day,GB,2005
        2005-12-27,Christmas Day (Observed),GB,2005
        2006-01-01,New Year's Day,GB,2006
        2006-01-02,New Year Holiday [Scotland],GB,2006
        2006-01-02,New Year's Day (Observed),GB,2006
        2006-01-03,New Year Holiday [Scotland] (Observed),GB,2006
        2006-03-17,St. Patrick's Day [Northern Ireland],GB,2006
        2006-04-14,Good Friday,GB,2006
        2006-04-17,Easter Monday [England/Wales/Northern Ireland],GB,2006
        2006-05-01,May Day,GB,2006
        2006-05-29,Spring Bank Holiday,GB,2006
        2006-07-12,Battle of the Boyne [Northern Ireland],GB,2006
        2006-08-07,Summer Bank Holiday [Scotland],GB,2006
        2006-08-28,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2006
        2006-11-30,St. Andrew's Day [Scotland],GB,2006
        2006-12-25,Christmas Day,GB,2006
        2006-12-26,Boxing Day,GB,2006
        2007-01-01,New Year's Day,GB,2007
        2007-01-02,New Year Holiday [Scotland],GB,2007
        2007-03-17,St. Patrick's Day [Northern Ireland],GB,2007
        2007-03-19,St. Patrick's Day [Northern Ireland] (Observed),GB,2007
        2007-04-06,Good Friday,GB,2007
        2007-04-09,Easter Monday [England/Wales/Northern Ireland],GB,2007
        2007-05-07,May Day,GB,2007
        2007-05-28,Spring Bank Holiday,GB,2007
        2007-07-12,Battle of the Boyne [Northern Ireland],GB,2007
        2007-08-06,Summer Bank Holiday [Scotland],GB,2007
        2007-08-27,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2007
        2007-11-30,St. Andrew's Day [Scotland],GB,2007
        2007-12-25,Christmas Day,GB,2007
        2007-12-26,Boxing Day,GB,2007
        2008-01-01,New Year's Day,GB,2008
        2008-01-02,New Year Holiday [Scotland],GB,2008
        2008-03-17,St. Patrick's Day [Northern Ireland],GB,2008
        2008-03-21,Good Friday,GB,2008
        2008-03-24,Easter Monday [England/Wales/Northern Ireland],GB,2008
        2008-05-05,May Day,GB,2008
        2008-05-26,Spring Bank Holiday,GB,2008
        2008-07-12,Battle of the Boyne [Northern Ireland],GB,2008
        2008-08-04,Summer Bank Holiday [Scotland],GB,2008
        2008-08-25,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2008
        2008-11-30,St. Andrew's Day [Scotland],GB,2008
        """#
}
