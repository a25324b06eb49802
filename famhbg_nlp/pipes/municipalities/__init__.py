"""Sweden's 290 municipalities: matching every written form, value = canonical name + SCB record."""
