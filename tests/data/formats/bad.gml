graph [
  node [ id 1 label "A" ]
  node [ id 1 label "B" ]
]
