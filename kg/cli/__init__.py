"""kg.cli"""
