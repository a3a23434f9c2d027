from django import template

from funds.money import format_euros, format_number, percent

register = template.Library()


@register.filter
def euros(value):
    """{{ fund.amount_collected|euros }} → 265 700 €"""
    return format_euros(value)


@register.filter
def number_fr(value):
    return format_number(value)


@register.filter
def percent_of(part, whole):
    return percent(part, whole)
