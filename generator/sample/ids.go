package sample

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// usccAlphabet is the character set of GB 32100-2015, in value order.
const usccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var usccWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// usccCheck returns the check character of the first 17 characters of a
// unified social credit code, and false when they contain a character
// outside the alphabet.
func usccCheck(first17 string) (byte, bool) {
	if len(first17) != 17 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(usccAlphabet, first17[i])
		if v < 0 {
			return 0, false
		}
		sum += v * usccWeights[i]
	}
	c := 31 - sum%31
	if c == 31 {
		c = 0
	}
	return usccAlphabet[c], true
}

// validUSCC reports whether s is an 18-character code with a correct check
// character.
func validUSCC(s string) bool {
	if len(s) != 18 {
		return false
	}
	c, ok := usccCheck(s[:17])
	return ok && c == s[17]
}

// orgCodeCheck is the check character of a 9-character organisation code
// (GB 11714), which makes up characters 9 to 17 of a credit code.
func orgCodeCheck(first8 string) byte {
	w := [8]int{3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 8; i++ {
		sum += strings.IndexByte(usccAlphabet, first8[i]) * w[i]
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
	c, _ := usccCheck(first)
	return first + string(c)
}

var idWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// idCheck returns the check character of the first 17 digits of a resident
// identity number (GB 11643).
func idCheck(first17 string) (byte, bool) {
	if len(first17) != 17 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 17; i++ {
		d := first17[i]
		if d < '0' || d > '9' {
			return 0, false
		}
		sum += int(d-'0') * idWeights[i]
	}
	return "10X98765432"[sum%11], true
}

// validResidentID reports whether s is an 18-character resident identity
// number with a correct check character.
func validResidentID(s string) bool {
	if len(s) != 18 {
		return false
	}
	c, ok := idCheck(s[:17])
	return ok && c == s[17]
}

// residentID makes a checksum-valid, invented identity number: a district
// code of the region, a birth date between 1958 and 1995 and a sequence.
func residentID(r *rand.Rand, regionCode string) string {
	y, m, d := 1958+r.IntN(38), 1+r.IntN(12), 1+r.IntN(28)
	first := fmt.Sprintf("%s01%02d%04d%02d%02d%03d", regionCode[:2], 1+r.IntN(8), y, m, d, r.IntN(1000))
	c, _ := idCheck(first)
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
