// Package fake makes the synthetic data the tests plant: checksum-valid
// resident ID numbers, card numbers and credit codes that belong to
// nobody, and text as officers mistype it. The checksums are
// computed here from the standards (GB 11643, GB 32100, Luhn), not with
// package pii, so that a test never checks the code with itself.
package fake

import (
	"strconv"
	"strings"
)

// ID returns a checksum-valid resident ID number for the made-up birth
// date (YYYYMMDD) and three-digit sequence, in the region 110101.
func ID(birth, seq string) string {
	d17 := "110101" + birth + seq
	return d17 + string(idCheck(d17))
}

func idCheck(d17 string) byte {
	w := [...]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := range 17 {
		sum += int(d17[i]-'0') * w[i]
	}
	return "10X98765432"[sum%11]
}

// IDWithX returns an ID number born on birth whose check character is X.
func IDWithX(birth string) string {
	for s := 100; s < 1000; s++ {
		if id := ID(birth, strconv.Itoa(s)); id[17] == 'X' {
			return id
		}
	}
	panic("no X check character")
}

// BadCheck returns the ID number with a wrong check character.
func BadCheck(id string) string {
	c := byte('0')
	if id[17] == '0' {
		c = '1'
	}
	return id[:17] + string(c)
}

// Card returns prefix followed by its Luhn check digit.
func Card(prefix string) string {
	sum := 0
	for i := range len(prefix) {
		v := int(prefix[len(prefix)-1-i] - '0')
		if i%2 == 0 {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	return prefix + strconv.Itoa((10-sum%10)%10)
}

// USCC returns a checksum-valid unified social credit code for its first
// 17 characters.
func USCC(d17 string) string {
	const cs = "0123456789ABCDEFGHJKLMNPQRTUWXY"
	w := [...]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}
	sum := 0
	for i := range 17 {
		sum += strings.IndexByte(cs, d17[i]) * w[i]
	}
	return d17 + string(cs[(31-sum%31)%31])
}

// FullWidth writes the ASCII of s in full-width forms, as some input
// methods type it.
func FullWidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '!' && r <= '~' {
			r += 0xfee0
		}
		b.WriteRune(r)
	}
	return b.String()
}
