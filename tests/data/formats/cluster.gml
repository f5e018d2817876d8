# A cluster as networkx's write_gml or a hand writes it.
Creator "hand"
graph [
  directed 1
  node [ id 1 label "Lanificio Rossi" kind "firm" employees 120 location "inside" ]
  node [ id 2 label "Tintoria &amp; Figli" kind "firm" size "small"
    graphics [ x 10.0 y 20.0 ]
  ]
  node [ id 3 label "Consorzio" kind "association" ]
  edge [ source 1 target 2 relation "supplier" weight 2.5 year 2019 ]
  edge [ source 1 target 2 relation "supplier" year 2021 ]
  edge [ source 2 target 3 relation "association" ]
  edge [ source 1 target 3 note "a &quot;quoted&quot; word" ]
]
