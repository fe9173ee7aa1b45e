// Package person finds people the way data officers and case reports write
// them, and says how each is written and masked.
//
// Parse reads a person-field cell (张三、李四和王五等, 张三教授, a name
// followed by a phone) and returns each person's name in a canonical form.
// Forms returns every written form of a name that must not appear in
// published text (spaced, dotted, pinyin in its usual layouts, the given
// name with a title). Find looks through running Chinese text for people
// named in no person field: a surname and a given name beside a role word
// (项目负责人陈某某擅自…, 研究生何某某等人…). Mask and Masker turn names into
// the form published decisions use (张三 → 张某; two people of one surname
// in one record → 张某甲, 张某乙), and Romanize writes a masked name for
// English text.
//
// Everything here but a Masker (which remembers one record's people) is a
// pure function of its input; nothing is reported or written. Text is
// compared folded (package fold): callers fold full-width forms before
// searching for Forms or calling Find.
package person
