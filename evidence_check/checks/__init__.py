"""Document checks: small readers of one fact each, on a document's normalised text.

`form` says what a document looks like (regulation, decree, letter, report...), `draft` finds draft
markers in the title area and page headers, `ratification` finds the main ratification block, and
`year` finds the document's own year. They judge nothing: the judge combines their facts with a
requirement.
"""
