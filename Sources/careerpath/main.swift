import CareerCLI

Careerpath.main()
