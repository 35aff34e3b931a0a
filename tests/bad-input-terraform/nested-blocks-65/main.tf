resource "azurerm_subnet" "s" {
  b {
    b {
      b {
        b {
          b {
            b {
              b {
                b {
                  b {
                    b {
                      b {
                        b {
                          b {
                            b {
                              b {
                                b {
                                  b {
                                    b {
                                      b {
                                        b {
                                          b {
                                            b {
                                              b {
                                                b {
                                                  b {
                                                    b {
                                                      b {
                                                        b {
                                                          b {
                                                            b {
                                                              b {
                                                                b {
                                                                  b {
                                                                    b {
                                                                      b {
                                                                        b {
                                                                          b {
                                                                            b {
                                                                              b {
                                                                                b {
                                                                                  b {
                                                                                    b {
                                                                                      b {
                                                                                        b {
                                                                                          b {
                                                                                            b {
                                                                                              b {
                                                                                                b {
                                                                                                  b {
                                                                                                    b {
                                                                                                      b {
                                                                                                        b {
                                                                                                          b {
                                                                                                            b {
                                                                                                              b {
                                                                                                                b {
                                                                                                                  b {
                                                                                                                    b {
                                                                                                                      b {
                                                                                                                        b {
                                                                                                                          b {
                                                                                                                            b {
                                                                                                                              b {
                                                                                                                                b {
                                                                                                                                  b {
                                                                                                                                  }
                                                                                                                                }
                                                                                                                              }
                                                                                                                            }
                                                                                                                          }
                                                                                                                        }
                                                                                                                      }
                                                                                                                    }
                                                                                                                  }
                                                                                                                }
                                                                                                              }
                                                                                                            }
                                                                                                          }
                                                                                                        }
                                                                                                      }
                                                                                                    }
                                                                                                  }
                                                                                                }
                                                                                              }
                                                                                            }
                                                                                          }
                                                                                        }
                                                                                      }
                                                                                    }
                                                                                  }
                                                                                }
                                                                              }
                                                                            }
                                                                          }
                                                                        }
                                                                      }
                                                                    }
                                                                  }
                                                                }
                                                              }
                                                            }
                                                          }
                                                        }
                                                      }
                                                    }
                                                  }
                                                }
                                              }
                                            }
                                          }
                                        }
                                      }
                                    }
                                  }
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
