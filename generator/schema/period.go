package schema

import "strings"

// PeriodLabel prints a normalised period (2024, 2024-H1, 2024-Q3) for
// readers: 2024年上半年 in Chinese, 2024 H1 in English.
func PeriodLabel(p, lang string) string {
	year, part, _ := strings.Cut(p, "-")
	if lang == "en" {
		if part == "" {
			return year
		}
		return year + " " + part
	}
	if part == "" {
		return year + "年"
	}
	switch part {
	case "Q1":
		return year + "年第一季度"
	case "Q2":
		return year + "年第二季度"
	case "Q3":
		return year + "年第三季度"
	case "Q4":
		return year + "年第四季度"
	case "H1":
		return year + "年上半年"
	case "H2":
		return year + "年下半年"
	}
	return p
}
