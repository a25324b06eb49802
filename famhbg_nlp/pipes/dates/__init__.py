"""Day-precision dates and day ranges with ISO values; the meeting date of the document."""
