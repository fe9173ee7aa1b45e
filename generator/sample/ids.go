package sample

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"disclose/generator/pii"
)

// orgCodeCheck is the check character of a 9-character organisation code
// (GB 11714), which makes up characters 9 to 17 of a credit code.
func orgCodeCheck(first8 string) byte {
	w := [8]int{3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 8; i++ {
		sum += strings.IndexByte(pii.USCCAlphabet, first8[i]) * w[i]
	}
	switch c := 11 - sum%11; c {
	case 10:
		return 'X'
	case 11:
		return '0'
	default:
		return byte('0' + c)
	}
}

// uscc makes a credit code for a unit of the given kind in a region: the
// registering authority and unit type follow the standard (12 for public
// institutions, 51 for associations, 91 for companies).
func uscc(r *rand.Rand, kind, regionCode string) string {
	prefix := "12"
	switch kind {
	case "enterprise":
		prefix = "91"
	case "association":
		prefix = "51"
	}
	div := regionCode[:2] + fmt.Sprintf("%02d%02d", 1+r.IntN(9), r.IntN(12))
	org := fmt.Sprintf("%08d", r.IntN(100000000))
	org += string(orgCodeCheck(org))
	first := prefix + div + org
	c, _ := pii.USCCCheck(first)
	return first + string(c)
}

// residentID makes a checksum-valid, invented identity number: a district
// code of the region, a birth date between 1958 and 1995 and a sequence.
func residentID(r *rand.Rand, regionCode string) string {
	y, m, d := 1958+r.IntN(38), 1+r.IntN(12), 1+r.IntN(28)
	first := fmt.Sprintf("%s01%02d%04d%02d%02d%03d", regionCode[:2], 1+r.IntN(8), y, m, d, r.IntN(1000))
	c, _ := pii.IDCheck(first)
	return first + string(c)
}

// mobile makes an obviously invented mobile number in the 138 0013 8000
// pattern: a real prefix, then 0013, then four digits.
func mobile(r *rand.Rand) string {
	prefixes := []string{"138", "139", "135", "150", "158", "177", "186", "189", "199"}
	return fmt.Sprintf("%s0013%04d", prefixes[r.IntN(len(prefixes))], r.IntN(10000))
}

// fullWidth turns ASCII digits and letters into their full-width forms, as
// some input methods type them.
func fullWidth(s string) string {
	var b strings.Builder
	for _, c := range s {
		if c >= '!' && c <= '~' {
			b.WriteRune(c + 0xfee0)
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// spaced writes an identity number in groups, the way people copy it from
// a card: 110101 19850307 1234.
func spaced(id string) string {
	return id[:6] + " " + id[6:14] + " " + id[14:]
}
