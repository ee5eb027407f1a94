// Generated from shared/data/holidays_sample.csv by the command in EmbeddedHolidayTable.swift; do not edit.
// Data: Robyn dt_prophet_holidays (facebookexperimental/Robyn, MIT License,
// Copyright (c) Meta Platforms, Inc. and affiliates).

extension EmbeddedHolidayTable {
    /// Lines 1601-2000 of the holidays CSV.
    static let part5 = #"""
        2035-12-25,Christmas Day,GB,2035
        2035-12-26,Boxing Day,GB,2035
        2036-01-01,New Year's Day,GB,2036
        2036-01-02,New Year Holiday [Scotland],GB,2036
        2036-03-17,St. Patrick's Day [Northern Ireland],GB,2036
        2036-04-11,Good Friday,GB,2036
        2036-04-14,Easter Monday [England/Wales/Northern Ireland],GB,2036
        2036-05-05,May Day,GB,2036
        2036-05-26,Spring Bank Holiday,GB,2036
        2036-07-12,Battle of the Boyne [Northern Ireland],GB,2036
        2036-08-04,Summer Bank Holiday [Scotland],GB,2036
        2036-08-25,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2036
        2036-11-30,St. Andrew's Day [Scotland],GB,2036
        2036-12-25,Christmas Day,GB,2036
        2036-12-26,Boxing Day,GB,2036
        2037-01-01,New Year's Day,GB,2037
        2037-01-02,New Year Holiday [Scotland],GB,2037
        2037-03-17,St. Patrick's Day [Northern Ireland],GB,2037
        2037-04-03,Good Friday,GB,2037
        2037-04-06,Easter Monday [England/Wales/Northern Ireland],GB,2037
        2037-05-04,May Day,GB,2037
        2037-05-25,Spring Bank Holiday,GB,2037
        2037-07-12,Battle of the Boyne [Northern Ireland],GB,2037
        2037-08-03,Summer Bank Holiday [Scotland],GB,2037
        2037-08-31,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2037
        2037-11-30,St. Andrew's Day [Scotland],GB,2037
        2037-12-25,Christmas Day,GB,2037
        2037-12-26,Boxing Day,GB,2037
        2037-12-28,Boxing Day (Observed),GB,2037
        2038-01-01,New Year's Day,GB,2038
        2038-01-02,New Year Holiday [Scotland],GB,2038
        2038-01-04,New Year Holiday [Scotland] (Observed),GB,2038
        2038-03-17,St. Patrick's Day [Northern Ireland],GB,2038
        2038-04-23,Good Friday,GB,2038
        2038-04-26,Easter Monday [England/Wales/Northern Ireland],GB,2038
        2038-05-03,May Day,GB,2038
        2038-05-31,Spring Bank Holiday,GB,2038
        2038-07-12,Battle of the Boyne [Northern Ireland],GB,2038
        2038-08-02,Summer Bank Holiday [Scotland],GB,2038
        2038-08-30,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2038
        2038-11-30,St. Andrew's Day [Scotland],GB,2038
        2038-12-25,Christmas Day,GB,2038
        2038-12-26,Boxing Day,GB,2038
        2038-12-27,Christmas Day (Observed),GB,2038
        2038-12-28,Boxing Day (Observed),GB,2038
        2039-01-01,New Year's Day,GB,2039
        2039-01-02,New Year Holiday [Scotland],GB,2039
        2039-01-03,New Year's Day (Observed),GB,2039
        2039-01-04,New Year Holiday [Scotland] (Observed),GB,2039
        2039-03-17,St. Patrick's Day [Northern Ireland],GB,2039
        2039-04-08,Good Friday,GB,2039
        2039-04-11,Easter Monday [England/Wales/Northern Ireland],GB,2039
        2039-05-02,May Day,GB,2039
        2039-05-30,Spring Bank Holiday,GB,2039
        2039-07-12,Battle of the Boyne [Northern Ireland],GB,2039
        2039-08-01,Summer Bank Holiday [Scotland],GB,2039
        2039-08-29,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2039
        2039-11-30,St. Andrew's Day [Scotland],GB,2039
        2039-12-25,Christmas Day,GB,2039
        2039-12-26,Boxing Day,GB,2039
        2039-12-27,Christmas Day (Observed),GB,2039
        2040-01-01,New Year's Day,GB,2040
        2040-01-02,New Year Holiday [Scotland],GB,2040
        2040-01-02,New Year's Day (Observed),GB,2040
        2040-01-03,New Year Holiday [Scotland] (Observed),GB,2040
        2040-03-17,St. Patrick's Day [Northern Ireland],GB,2040
        2040-03-19,St. Patrick's Day [Northern Ireland] (Observed),GB,2040
        2040-03-30,Good Friday,GB,2040
        2040-04-02,Easter Monday [England/Wales/Northern Ireland],GB,2040
        2040-05-07,May Day,GB,2040
        2040-05-28,Spring Bank Holiday,GB,2040
        2040-07-12,Battle of the Boyne [Northern Ireland],GB,2040
        2040-08-06,Summer Bank Holiday [Scotland],GB,2040
        2040-08-27,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2040
        2040-11-30,St. Andrew's Day [Scotland],GB,2040
        2040-12-25,Christmas Day,GB,2040
        2040-12-26,Boxing Day,GB,2040
        2041-01-01,New Year's Day,GB,2041
        2041-01-02,New Year Holiday [Scotland],GB,2041
        2041-03-17,St. Patrick's Day [Northern Ireland],GB,2041
        2041-03-18,St. Patrick's Day [Northern Ireland] (Observed),GB,2041
        2041-04-19,Good Friday,GB,2041
        2041-04-22,Easter Monday [England/Wales/Northern Ireland],GB,2041
        2041-05-06,May Day,GB,2041
        2041-05-27,Spring Bank Holiday,GB,2041
        2041-07-12,Battle of the Boyne [Northern Ireland],GB,2041
        2041-08-05,Summer Bank Holiday [Scotland],GB,2041
        2041-08-26,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2041
        2041-11-30,St. Andrew's Day [Scotland],GB,2041
        2041-12-25,Christmas Day,GB,2041
        2041-12-26,Boxing Day,GB,2041
        2042-01-01,New Year's Day,GB,2042
        2042-01-02,New Year Holiday [Scotland],GB,2042
        2042-03-17,St. Patrick's Day [Northern Ireland],GB,2042
        2042-04-04,Good Friday,GB,2042
        2042-04-07,Easter Monday [England/Wales/Northern Ireland],GB,2042
        2042-05-05,May Day,GB,2042
        2042-05-26,Spring Bank Holiday,GB,2042
        2042-07-12,Battle of the Boyne [Northern Ireland],GB,2042
        2042-08-04,Summer Bank Holiday [Scotland],GB,2042
        2042-08-25,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2042
        2042-11-30,St. Andrew's Day [Scotland],GB,2042
        2042-12-25,Christmas Day,GB,2042
        2042-12-26,Boxing Day,GB,2042
        2043-01-01,New Year's Day,GB,2043
        2043-01-02,New Year Holiday [Scotland],GB,2043
        2043-03-17,St. Patrick's Day [Northern Ireland],GB,2043
        2043-03-27,Good Friday,GB,2043
        2043-03-30,Easter Monday [England/Wales/Northern Ireland],GB,2043
        2043-05-04,May Day,GB,2043
        2043-05-25,Spring Bank Holiday,GB,2043
        2043-07-12,Battle of the Boyne [Northern Ireland],GB,2043
        2043-08-03,Summer Bank Holiday [Scotland],GB,2043
        2043-08-31,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2043
        2043-11-30,St. Andrew's Day [Scotland],GB,2043
        2043-12-25,Christmas Day,GB,2043
        2043-12-26,Boxing Day,GB,2043
        2043-12-28,Boxing Day (Observed),GB,2043
        2044-01-01,New Year's Day,GB,2044
        2044-01-02,New Year Holiday [Scotland],GB,2044
        2044-01-04,New Year Holiday [Scotland] (Observed),GB,2044
        2044-03-17,St. Patrick's Day [Northern Ireland],GB,2044
        2044-04-15,Good Friday,GB,2044
        2044-04-18,Easter Monday [England/Wales/Northern Ireland],GB,2044
        2044-05-02,May Day,GB,2044
        2044-05-30,Spring Bank Holiday,GB,2044
        2044-07-12,Battle of the Boyne [Northern Ireland],GB,2044
        2044-08-01,Summer Bank Holiday [Scotland],GB,2044
        2044-08-29,Late Summer Bank Holiday [England/Wales/Northern Ireland],GB,2044
        2044-11-30,St. Andrew's Day [Scotland],GB,2044
        2044-12-25,Christmas Day,GB,2044
        2044-12-26,Boxing Day,GB,2044
        2044-12-27,Christmas Day (Observed),GB,2044
        1995-01-01,New Year's Day,US,1995
        1995-01-02,New Year's Day (Observed),US,1995
        1995-01-16,Martin Luther King Jr. Day,US,1995
        1995-02-20,Washington's Birthday,US,1995
        1995-05-29,Memorial Day,US,1995
        1995-07-04,Independence Day,US,1995
        1995-09-04,Labor Day,US,1995
        1995-10-09,Columbus Day,US,1995
        1995-11-10,Veterans Day (Observed),US,1995
        1995-11-11,Veterans Day,US,1995
        1995-11-23,Thanksgiving,US,1995
        1995-12-25,Christmas Day,US,1995
        1996-01-01,New Year's Day,US,1996
        1996-01-15,Martin Luther King Jr. Day,US,1996
        1996-02-19,Washington's Birthday,US,1996
        1996-05-27,Memorial Day,US,1996
        1996-07-04,Independence Day,US,1996
        1996-09-02,Labor Day,US,1996
        1996-10-14,Columbus Day,US,1996
        1996-11-11,Veterans Day,US,1996
        1996-11-28,Thanksgiving,US,1996
        1996-12-25,Christmas Day,US,1996
        1997-01-01,New Year's Day,US,1997
        1997-01-20,Martin Luther King Jr. Day,US,1997
        1997-02-17,Washington's Birthday,US,1997
        1997-05-26,Memorial Day,US,1997
        1997-07-04,Independence Day,US,1997
        1997-09-01,Labor Day,US,1997
        1997-10-13,Columbus Day,US,1997
        1997-11-11,Veterans Day,US,1997
        1997-11-27,Thanksgiving,US,1997
        1997-12-25,Christmas Day,US,1997
        1998-01-01,New Year's Day,US,1998
        1998-01-19,Martin Luther King Jr. Day,US,1998
        1998-02-16,Washington's Birthday,US,1998
        1998-05-25,Memorial Day,US,1998
        1998-07-03,Independence Day (Observed),US,1998
        1998-07-04,Independence Day,US,1998
        1998-09-07,Labor Day,US,1998
        1998-10-12,Columbus Day,US,1998
        1998-11-11,Veterans Day,US,1998
        1998-11-26,Thanksgiving,US,1998
        1998-12-25,Christmas Day,US,1998
        1999-01-01,New Year's Day,US,1999
        1999-01-18,Martin Luther King Jr. Day,US,1999
        1999-02-15,Washington's Birthday,US,1999
        1999-05-31,Memorial Day,US,1999
        1999-07-04,Independence Day,US,1999
        1999-07-05,Independence Day (Observed),US,1999
        1999-09-06,Labor Day,US,1999
        1999-10-11,Columbus Day,US,1999
        1999-11-11,Veterans Day,US,1999
        1999-11-25,Thanksgiving,US,1999
        1999-12-24,Christmas Day (Observed),US,1999
        1999-12-25,Christmas Day,US,1999
        1999-12-31,New Year's Day (Observed),US,1999
        2000-01-01,New Year's Day,US,2000
        2000-01-17,Martin Luther King Jr. Day,US,2000
        2000-02-21,Washington's Birthday,US,2000
        2000-05-29,Memorial Day,US,2000
        2000-07-04,Independence Day,US,2000
        2000-09-04,Labor Day,US,2000
        2000-10-09,Columbus Day,US,2000
        2000-11-10,Veterans Day (Observed),US,2000
        2000-11-11,Veterans Day,US,2000
        2000-11-23,Thanksgiving,US,2000
        2000-12-25,Christmas Day,US,2000
        2001-01-01,New Year's Day,US,2001
        2001-01-15,Martin Luther King Jr. Day,US,2001
        2001-02-19,Washington's Birthday,US,2001
        2001-05-28,Memorial Day,US,2001
        2001-07-04,Independence Day,US,2001
        2001-09-03,Labor Day,US,2001
        2001-10-08,Columbus Day,US,2001
        2001-11-11,Veterans Day,US,2001
        2001-11-12,Veterans Day (Observed),US,2001
        2001-11-22,Thanksgiving,US,2001
        2001-12-25,Christmas Day,US,2001
        2002-01-01,New Year's Day,US,2002
        2002-01-21,Martin Luther King Jr. Day,US,2002
        2002-02-18,Washington's Birthday,US,2002
        2002-05-27,Memorial Day,US,2002
        2002-07-04,Independence Day,US,2002
        2002-09-02,Labor Day,US,2002
        2002-10-14,Columbus Day,US,2002
        2002-11-11,Veterans Day,US,2002
        2002-11-28,Thanksgiving,US,2002
        2002-12-25,Christmas Day,US,2002
        2003-01-01,New Year's Day,US,2003
        2003-01-20,Martin Luther King Jr. Day,US,2003
        2003-02-17,Washington's Birthday,US,2003
        2003-05-26,Memorial Day,US,2003
        2003-07-04,Independence Day,US,2003
        2003-09-01,Labor Day,US,2003
        2003-10-13,Columbus Day,US,2003
        2003-11-11,Veterans Day,US,2003
        2003-11-27,Thanksgiving,US,2003
        2003-12-25,Christmas Day,US,2003
        2004-01-01,New Year's Day,US,2004
        2004-01-19,Martin Luther King Jr. Day,US,2004
        2004-02-16,Washington's Birthday,US,2004
        2004-05-31,Memorial Day,US,2004
        2004-07-04,Independence Day,US,2004
        2004-07-05,Independence Day (Observed),US,2004
        2004-09-06,Labor Day,US,2004
        2004-10-11,Columbus Day,US,2004
        2004-11-11,Veterans Day,US,2004
        2004-11-25,Thanksgiving,US,2004
        2004-12-24,Christmas Day (Observed),US,2004
        2004-12-25,Christmas Day,US,2004
        2004-12-31,New Year's Day (Observed),US,2004
        2005-01-01,New Year's Day,US,2005
        2005-01-17,Martin Luther King Jr. Day,US,2005
        2005-02-21,Washington's Birthday,US,2005
        2005-05-30,Memorial Day,US,2005
        2005-07-04,Independence Day,US,2005
        2005-09-05,Labor Day,US,2005
        2005-10-10,Columbus Day,US,2005
        2005-11-11,Veterans Day,US,2005
        2005-11-24,Thanksgiving,US,2005
        2005-12-25,Christmas Day,US,2005
        2005-12-26,Christmas Day (Observed),US,2005
        2006-01-01,New Year's Day,US,2006
        2006-01-02,New Year's Day (Observed),US,2006
        2006-01-16,Martin Luther King Jr. Day,US,2006
        2006-02-20,Washington's Birthday,US,2006
        2006-05-29,Memorial Day,US,2006
        2006-07-04,Independence Day,US,2006
        2006-09-04,Labor Day,US,2006
        2006-10-09,Columbus Day,US,2006
        2006-11-10,Veterans Day (Observed),US,2006
        2006-11-11,Veterans Day,US,2006
        2006-11-23,Thanksgiving,US,2006
        2006-12-25,Christmas Day,US,2006
        2007-01-01,New Year's Day,US,2007
        2007-01-15,Martin Luther King Jr. Day,US,2007
        2007-02-19,Washington's Birthday,US,2007
        2007-05-28,Memorial Day,US,2007
        2007-07-04,Independence Day,US,2007
        2007-09-03,Labor Day,US,2007
        2007-10-08,Columbus Day,US,2007
        2007-11-11,Veterans Day,US,2007
        2007-11-12,Veterans Day (Observed),US,2007
        2007-11-22,Thanksgiving,US,2007
        2007-12-25,Christmas Day,US,2007
        2008-01-01,New Year's Day,US,2008
        2008-01-21,Martin Luther King Jr. Day,US,2008
        2008-02-18,Washington's Birthday,US,2008
        2008-05-26,Memorial Day,US,2008
        2008-07-04,Independence Day,US,2008
        2008-09-01,Labor Day,US,2008
        2008-10-13,Columbus Day,US,2008
        2008-11-11,Veterans Day,US,2008
        2008-11-27,Thanksgiving,US,2008
        2008-12-25,Christmas Day,US,2008
        2009-01-01,New Year's Day,US,2009
        2009-01-19,Martin Luther King Jr. Day,US,2009
        2009-02-16,Washington's Birthday,US,2009
        2009-05-25,Memorial Day,US,2009
        2009-07-03,Independence Day (Observed),US,2009
        2009-07-04,Independence Day,US,2009
        2009-09-07,Labor Day,US,2009
        2009-10-12,Columbus Day,US,2009
        2009-11-11,Veterans Day,US,2009
        2009-11-26,Thanksgiving,US,2009
        2009-12-25,Christmas Day,US,2009
        2010-01-01,New Year's Day,US,2010
        2010-01-18,Martin Luther King Jr. Day,US,2010
        2010-02-15,Washington's Birthday,US,2010
        2010-05-31,Memorial Day,US,2010
        2010-07-04,Independence Day,US,2010
        2010-07-05,Independence Day (Observed),US,2010
        2010-09-06,Labor Day,US,2010
        2010-10-11,Columbus Day,US,2010
        2010-11-11,Veterans Day,US,2010
        2010-11-25,Thanksgiving,US,2010
        2010-12-24,Christmas Day (Observed),US,2010
        2010-12-25,Christmas Day,US,2010
        2010-12-31,New Year's Day (Observed),US,2010
        2011-01-01,New Year's Day,US,2011
        2011-01-17,Martin Luther King Jr. Day,US,2011
        2011-02-21,Washington's Birthday,US,2011
        2011-05-30,Memorial Day,US,2011
        2011-07-04,Independence Day,US,2011
        2011-09-05,Labor Day,US,2011
        2011-10-10,Columbus Day,US,2011
        2011-11-11,Veterans Day,US,2011
        2011-11-24,Thanksgiving,US,2011
        2011-12-25,Christmas Day,US,2011
        2011-12-26,Christmas Day (Observed),US,2011
        2012-01-01,New Year's Day,US,2012
        2012-01-02,New Year's Day (Observed),US,2012
        2012-01-16,Martin Luther King Jr. Day,US,2012
        2012-02-20,Washington's Birthday,US,2012
        2012-05-28,Memorial Day,US,2012
        2012-07-04,Independence Day,US,2012
        2012-09-03,Labor Day,US,2012
        2012-10-08,Columbus Day,US,2012
        2012-11-11,Veterans Day,US,2012
        2012-11-12,Veterans Day (Observed),US,2012
        2012-11-22,Thanksgiving,US,2012
        2012-12-25,Christmas Day,US,2012
        2013-01-01,New Year's Day,US,2013
        2013-01-21,Martin Luther King Jr. Day,US,2013
        2013-02-18,Washington's Birthday,US,2013
        2013-05-27,Memorial Day,US,2013
        2013-07-04,Independence Day,US,2013
        2013-09-02,Labor Day,US,2013
        2013-10-14,Columbus Day,US,2013
        2013-11-11,Veterans Day,US,2013
        2013-11-28,Thanksgiving,US,2013
        2013-12-25,Christmas Day,US,2013
        2014-01-01,New Year's Day,US,2014
        2014-01-20,Martin Luther King Jr. Day,US,2014
        2014-02-17,Washington's Birthday,US,2014
        2014-05-26,Memorial Day,US,2014
        2014-07-04,Independence Day,US,2014
        2014-09-01,Labor Day,US,2014
        2014-10-13,Columbus Day,US,2014
        2014-11-11,Veterans Day,US,2014
        2014-11-27,Thanksgiving,US,2014
        2014-12-25,Christmas Day,US,2014
        2015-01-01,New Year's Day,US,2015
        2015-01-19,Martin Luther King Jr. Day,US,2015
        2015-02-16,Washington's Birthday,US,2015
        2015-05-25,Memorial Day,US,2015
        2015-07-03,Independence Day (Observed),US,2015
        2015-07-04,Independence Day,US,2015
        2015-09-07,Labor Day,US,2015
        2015-10-12,Columbus Day,US,2015
        2015-11-11,Veterans Day,US,2015
        2015-11-26,Thanksgiving,US,2015
        2015-12-25,Christmas Day,US,2015
        2016-01-01,New Year's Day,US,2016
        2016-01-18,Martin Luther King Jr. Day,US,2016
        2016-02-15,Washington's Birthday,US,2016
        2016-05-30,Memorial Day,US,2016
        2016-07-04,Independence Day,US,2016
        2016-09-05,Labor Day,US,2016
        2016-10-10,Columbus Day,US,2016
        2016-11-11,Veterans Day,US,2016
        2016-11-24,Thanksgiving,US,2016
        2016-12-25,Christmas Day,US,2016
        2016-12-26,Christmas Day (Observed),US,2016
        2017-01-01,New Year's Day,US,2017
        2017-01-02,New Year's Day (Observed),US,2017
        2017-01-16,Martin Luther King Jr. Day,US,2017
        2017-02-20,Washington's Birthday,US,2017
        2017-05-29,Memorial Day,US,2017
        2017-07-04,Independence Day,US,2017
        2017-09-04,Labor Day,US,2017
        2017-10-09,Columbus Day,US,2017
        2017-11-10,Veterans Day (Observed),US,2017
        2017-11-11,Veterans Day,US,2017
        2017-11-23,Thanksgiving,US,2017
        2017-12-25,Christmas Day,US,2017
        2018-01-01,New Year's Day,US,2018
        2018-01-15,Martin Luther King Jr. Day,US,2018
        2018-02-19,Washington's Birthday,US,2018
        2018-05-28,Memorial Day,US,2018
        2018-07-04,Independence Day,US,2018
        2018-09-03,Labor Day,US,2018
        2018-10-08,Columbus Day,US,2018
        2018-11-11,Veterans Day,US,2018
        2018-11-12,Veterans Day (Observed),US,2018
        2018-11-22,Thanksgiving,US,2018
        2018-12-25,Christmas Day,US,2018
        """#
}
