"""The wizard's forms, a module for each step (step 3's factors are in decisions.wizard.factors).
Each validates and says what is wrong in plain words; none saves a thing unless the view has
claimed the decision's version first (see decisions.wizard.steps)."""
